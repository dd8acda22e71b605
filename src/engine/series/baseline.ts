import { aggregateWindow, isExtensive, type Aggregate } from "./aggregate";
import { describeCell, type CellValue } from "../grid/cell";
import type { Series } from "./series";
import { edate } from "../grid/date";
import { headerKey } from "../grid/header";
import type { Parsed } from "../grid/parsed";
import { parseSpan, windowBefore, windowDays, type Window } from "./window";
import { unreadableBaseline } from "../messages";

/** Where the baseline comes from: a window of observations, or a number the user fixed. */
export type BaselineRule =
  | { readonly kind: "window"; readonly window: Window }
  | { readonly kind: "fixed"; readonly value: number };

/**
 * Reads a Baseline cell (SPEC §2): blank is the default window, a number is fixed, `prior year` shifts the
 * evaluation window back 12 months, a window text is that span right before Start.
 */
export function parseBaseline(
  value: CellValue,
  start: number,
  evaluation: Window,
  defaultWindow: Window
): Parsed<BaselineRule> {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return { ok: true, value: { kind: "window", window: defaultWindow } };
  }
  if (typeof value === "number" && Number.isFinite(value))
    return { ok: true, value: { kind: "fixed", value } };
  if (typeof value === "string" && headerKey(value) === "prioryear") {
    return {
      ok: true,
      value: {
        kind: "window",
        window: { from: edate(evaluation.from, -12), to: edate(evaluation.to, -12) },
      },
    };
  }
  const span = typeof value === "string" ? parseSpan(value) : undefined;
  if (!span?.ok) return { ok: false, message: unreadableBaseline(describeCell(value)) };
  return { ok: true, value: { kind: "window", window: windowBefore(start, span.value) } };
}

export interface MeasuredBaseline {
  /** `B`: the baseline window's aggregate (scaled where SPEC §2 says so), or the fixed number. */
  readonly value: number | null;
  readonly window?: Window;
  readonly count?: number;
  /** The baseline window's days, when a sum or count was scaled to the evaluation window's length. */
  readonly scaledFromDays?: number;
}

export function measureBaseline(
  rule: BaselineRule,
  series: Series,
  evaluation: Window,
  aggregate: Aggregate
): MeasuredBaseline {
  if (rule.kind === "fixed") return { value: rule.value };
  const { value, count } = aggregateWindow(series, rule.window, aggregate);
  const baseDays = windowDays(rule.window);
  const evalDays = windowDays(evaluation);
  if (value !== null && isExtensive(aggregate) && baseDays !== evalDays) {
    return {
      value: (value * evalDays) / baseDays,
      window: rule.window,
      count,
      scaledFromDays: baseDays,
    };
  }
  return { value, window: rule.window, count };
}
