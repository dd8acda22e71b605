import type { Aggregate } from "../series/aggregate";
import { formatDay, formatDaySpan } from "../grid/date";
import type { Goal } from "./attainment";
import type { PaceReading } from "./pace";
import type { Status } from "./status";
import { formatSignedPercent, type TargetType } from "./target";
import { lastDay, type Window } from "../series/window";

const MINUS = "−";

/** `1,234.5`, `−22.0`: one decimal, grouped, with a true minus sign. (toLocaleString is 50× slower.) */
export function formatAmount(value: number): string {
  const tenths = Math.round(Math.abs(value) * 10);
  if (!Number.isSafeInteger(tenths)) return String(value);
  let whole = String(Math.floor(tenths / 10));
  for (let i = whole.length - 3; i > 0; i -= 3) whole = `${whole.slice(0, i)},${whole.slice(i)}`;
  const text = `${whole}.${tenths % 10}`;
  return value < 0 && tenths !== 0 ? `${MINUS}${text}` : text;
}

/** `6,893.68`: rewards and payouts, two decimals, grouped. */
export function formatMoney(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** `112%`, `−40%`: attainment rounded to a whole percent. */
export function formatWholePercent(value: number): string {
  const rounded = Math.round(value * 100);
  return rounded < 0 ? `${MINUS}${-rounded}%` : `${rounded}%`;
}

export function formatWindow(window: Window): string {
  return formatDaySpan(window.from, lastDay(window));
}

export interface ExplanationFacts {
  readonly kpi: string;
  readonly aggregate: Aggregate;
  readonly evaluation: Window;
  readonly actual: number | null;
  readonly actualCount: number;
  readonly baseline: number | null;
  /** The baseline's window, or none for a fixed baseline. */
  readonly baselineWindow?: Window;
  readonly baselineCount?: number;
  /** The baseline window's days, when a sum or count baseline was scaled to the evaluation window. */
  readonly scaledFromDays?: number;
  readonly change: number | null;
  readonly targetType: TargetType;
  readonly target: number;
  readonly goal?: Goal;
  readonly attainment: number | null;
  readonly status: Status;
  readonly minPoints: number;
  readonly asOf: number;
  /** A Pending target's projection (SPEC §11). */
  readonly pace?: PaceReading;
}

/**
 * `at risk: projected 50.0; the remaining 8 observations need an average of at least 57.5`: the pace of
 * an open window and what the rest of it needs, in the target's direction.
 */
export function describePace(reading: PaceReading, direction: Goal["direction"]): string {
  const head = `${reading.pace === "On track" ? "on track" : "at risk"}: projected ${formatAmount(reading.projected)}`;
  const need = reading.need;
  if (!need) return head;
  const bound = direction === "increase" ? "at least" : "at most";
  if (need.aggregate === "average") {
    const many = need.remaining === 1 ? "observation needs" : `${need.remaining} observations need`;
    return `${head}; the remaining ${many} an average of ${bound} ${formatAmount(need.average)}`;
  }
  if (direction === "increase")
    return need.total <= 0
      ? `${head}; the target total is reached already`
      : `${head}; the rest of the window needs ${formatAmount(need.total)} more`;
  return need.total < 0
    ? `${head}; the total is already ${formatAmount(-need.total)} over the target`
    : `${head}; the rest of the window can add at most ${formatAmount(need.total)}`;
}

function describeTarget(facts: ExplanationFacts): string {
  switch (facts.targetType) {
    case "%":
      return formatSignedPercent(facts.target);
    case "change":
      return `${facts.target > 0 ? "+" : ""}${formatAmount(facts.target)}`;
    case "value":
      return facts.goal
        ? `${facts.goal.direction === "increase" ? "at least" : "at most"} ${formatAmount(facts.target)}`
        : formatAmount(facts.target);
  }
}

function describeActual(facts: ExplanationFacts): string {
  const span = formatWindow(facts.evaluation);
  if (facts.actual === null) return `no observations in ${span}`;
  return `${facts.aggregate} ${formatAmount(facts.actual)} in ${span}`;
}

function describeBaseline(facts: ExplanationFacts): string {
  if (!facts.baselineWindow)
    return facts.baseline === null
      ? "no baseline"
      : `a fixed baseline of ${formatAmount(facts.baseline)}`;
  const span = formatWindow(facts.baselineWindow);
  if (facts.baseline === null) return `no observations in ${span}`;
  const scaled =
    facts.scaledFromDays === undefined
      ? ""
      : ` (scaled from ${facts.scaledFromDays} to ${facts.evaluation.to - facts.evaluation.from} days)`;
  return `${formatAmount(facts.baseline)} in ${span}${scaled}`;
}

function describeOutcome(facts: ExplanationFacts): string {
  const attainment =
    facts.attainment === null ? "" : ` (attainment ${formatWholePercent(facts.attainment)})`;
  switch (facts.status) {
    case "Met":
      return `met${attainment}`;
    case "Missed":
      return `missed${attainment}`;
    case "Pending": {
      if (facts.asOf < facts.evaluation.from)
        return `pending: the window opens on ${formatDay(facts.evaluation.from)}`;
      const toDate =
        facts.attainment === null
          ? ""
          : ` (attainment to date ${formatWholePercent(facts.attainment)})`;
      const pace =
        facts.pace && facts.goal ? `; ${describePace(facts.pace, facts.goal.direction)}` : "";
      return `pending until ${formatDay(lastDay(facts.evaluation))}${toDate}${pace}`;
    }
    default: {
      const short: string[] = [];
      if (facts.actualCount < facts.minPoints)
        short.push(`the evaluation window has ${facts.actualCount}`);
      if (facts.baselineCount !== undefined && facts.baselineCount < facts.minPoints) {
        short.push(`the baseline window has ${facts.baselineCount}`);
      }
      const needed = `${facts.minPoints} observation${facts.minPoints === 1 ? "" : "s"} needed`;
      return `insufficient data: ${short.join(" and ")} of ${needed}`;
    }
  }
}

/** One sentence a manager understands. */
export function explain(facts: ExplanationFacts): string {
  const change = facts.change === null ? "" : ` (${formatSignedPercent(facts.change)})`;
  // Joined, not concatenated: one flat string is kept with the result, instead of a tree of the
  // pieces that a collection would have to copy (ten thousand explanations are 5 MB of such trees).
  return [
    facts.kpi,
    ": ",
    describeActual(facts),
    " vs ",
    describeBaseline(facts),
    change,
    "; target ",
    describeTarget(facts),
    " → ",
    describeOutcome(facts),
    ".",
  ].join("");
}
