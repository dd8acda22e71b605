import type { Parsed } from "../grid/parsed";
import { fractionalWindow, unreadableWindow } from "../messages";
import { edate } from "../grid/date";

/** A length of time: whole days, or calendar months (weeks become days, quarters and years months). */
export interface Span {
  readonly count: number;
  readonly unit: "day" | "month";
  /** The text as the user wrote it, for messages. */
  readonly text: string;
}

/** A half-open interval of day serials: `from <= date < to`. */
export interface Window {
  readonly from: number;
  readonly to: number;
}

const UNITS: Record<string, { unit: "day" | "month"; factor: number }> = {
  d: { unit: "day", factor: 1 },
  day: { unit: "day", factor: 1 },
  days: { unit: "day", factor: 1 },
  w: { unit: "day", factor: 7 },
  wk: { unit: "day", factor: 7 },
  week: { unit: "day", factor: 7 },
  weeks: { unit: "day", factor: 7 },
  m: { unit: "month", factor: 1 },
  mo: { unit: "month", factor: 1 },
  month: { unit: "month", factor: 1 },
  months: { unit: "month", factor: 1 },
  q: { unit: "month", factor: 3 },
  quarter: { unit: "month", factor: 3 },
  quarters: { unit: "month", factor: 3 },
  y: { unit: "month", factor: 12 },
  yr: { unit: "month", factor: 12 },
  year: { unit: "month", factor: 12 },
  years: { unit: "month", factor: 12 },
};

const SPAN_TEXT = /^([+\-−]?)\s*(\d+)\s*([a-z]*)$/;

/**
 * Reads `30 days`, `6m`, `-90 days`, `1 quarter` or a bare number of days. The sign is returned
 * separately so callers decide what a negative span means.
 */
export function parseSpan(input: unknown): Parsed<Span & { negative: boolean }> {
  if (typeof input !== "string") return readSpan(input);
  let parsed = spans.get(input);
  if (!parsed) {
    parsed = readSpan(input);
    // Every Targets row repeats a handful of window texts: read each once (bounded).
    if (spans.size < 10_000) spans.set(input, parsed);
  }
  return parsed;
}

const spans = new Map<string, Parsed<Span & { negative: boolean }>>();

function readSpan(input: unknown): Parsed<Span & { negative: boolean }> {
  if (typeof input === "number") {
    if (!Number.isInteger(input) || input === 0) {
      return { ok: false, message: fractionalWindow(input) };
    }
    return {
      ok: true,
      value: { count: Math.abs(input), unit: "day", text: `${input} days`, negative: input < 0 },
    };
  }
  const text = typeof input === "string" ? input.trim() : "";
  const match = SPAN_TEXT.exec(text.toLowerCase());
  const unit = match ? UNITS[match[3] === "" ? "d" : match[3]] : undefined;
  if (!match || !unit || Number(match[2]) === 0) {
    const shown = typeof input === "string" ? `"${input}"` : String(input);
    return { ok: false, message: unreadableWindow(shown) };
  }
  return {
    ok: true,
    value: {
      count: Number(match[2]) * unit.factor,
      unit: unit.unit,
      text: text.replace(/^[+\-−]\s*/, ""),
      negative: match[1] === "-" || match[1] === "−",
    },
  };
}

/** `day` moved forward (`steps` = 1) or back (`steps` = -1) by the span, in calendar units like EDATE. */
export function shift(day: number, span: Span, steps: 1 | -1): number {
  return span.unit === "day" ? day + steps * span.count : edate(day, steps * span.count);
}

/** The evaluation window `S <= date < S + w`. */
export function windowAfter(start: number, span: Span): Window {
  return { from: start, to: shift(start, span, 1) };
}

/** The window `S − w <= date < S` right before a day. */
export function windowBefore(start: number, span: Span): Window {
  return { from: shift(start, span, -1), to: start };
}

export function windowDays(window: Window): number {
  return window.to - window.from;
}

/** The last day inside the window, as people read it. */
export function lastDay(window: Window): number {
  return window.to - 1;
}
