import type { CellRef } from "./grid/address";
import {
  AGGREGATE_NAMES,
  aggregateWindow,
  parseAggregate,
  type Aggregate,
  type WindowAggregate,
} from "./series/aggregate";
import { change as changeOf } from "./rules/attainment";
import {
  measureBaseline,
  parseBaseline,
  type BaselineRule,
  type MeasuredBaseline,
} from "./series/baseline";
import { cellKind, type CellValue } from "./grid/cell";
import { parseIsoDate } from "./grid/date";
import { evaluateTarget, type TargetResult } from "./evaluate";
import { SeriesBuilder, type Series } from "./series/series";
import {
  checkTarget,
  parseTargetCell,
  parseTargetType,
  type Direction,
  type Target,
  type TargetType,
} from "./rules/target";
import { payout, type PayRule } from "./rules/payout";
import { checkPayCurve, curvePayout, type PayCurvePoint } from "./rules/pay-curve";
import type { Parsed } from "./grid/parsed";
import {
  argumentNotOneOf,
  curveArgument,
  negativeWindow,
  seriesCellNotADate,
  seriesCellNotANumber,
  seriesSizesDiffer,
  shownArgument,
  windowArgument,
} from "./messages";
import { lastDay, parseSpan, windowAfter, windowBefore, type Window } from "./series/window";

/**
 * One target stated without a Targets table, as the single-target formulas state it: the cells a
 * Targets row would hold. Cells are read by the same rules as a Targets row (SPEC §2–§3); problems are
 * named after the formula's arguments (`target`, `window`, `baseline`).
 */
export interface SingleTargetInput {
  /** The first day of the evaluation window (go-live). */
  readonly start: number;
  /** A window text (`1 month`) or a number of days. */
  readonly window: CellValue;
  /** Blank for the default baseline window, a number (fixed), a window text, or `prior year`. */
  readonly baseline?: CellValue;
  /** An aggregate's name (`sum`); blank for average. */
  readonly aggregate?: CellValue;
  /** The Target cell: a number, or percent text for `%`. */
  readonly target: CellValue;
  /** `%`, `change` or `value`; blank for `%`. */
  readonly targetType?: CellValue;
  /** Absent: from the sign of the target (the formulas never give one). */
  readonly direction?: Direction;
  /** Fewest observations each window needs; 1 for the formulas (SPEC §7). */
  readonly minPoints?: number;
  /** Names the KPI in the explanation. */
  readonly kpi?: string;
}

/** The windows of a single target and what they hold, for a target-free answer (KPI.CHANGE). */
export interface SingleTargetMeasure {
  readonly evaluation: Window;
  readonly actual: WindowAggregate;
  readonly baseline: MeasuredBaseline;
  /** `(A − B) / |B|`; null when a window is empty or the baseline is 0. */
  readonly change: number | null;
}

export interface SingleTargetEvaluation {
  readonly target: Target;
  /** Met, Missed, Pending, Insufficient data, or Invalid when the data makes the target impossible. */
  readonly result: TargetResult;
  /** Worth a look but evaluated (e.g. a `%` target above 100%). */
  readonly warnings: readonly string[];
}

// A formula has no cell of its own to name.
const NO_CELL: CellRef = { sheet: "", cell: "" };

type Windows = { start: number; evaluation: Window; baseline: BaselineRule };

function isBlank(value: CellValue | undefined): boolean {
  return cellKind(value) === "blank";
}

/** A word argument (aggregate, target type): blank is `fallback`; else one of `choices`, or refused. */
function readWord<T>(
  value: CellValue | undefined,
  fallback: T,
  parse: (text: string) => T | undefined,
  name: string,
  choices: string
): Parsed<T> {
  if (isBlank(value)) return { ok: true, value: fallback };
  const word = typeof value === "string" ? parse(value) : undefined;
  if (word !== undefined) return { ok: true, value: word };
  return { ok: false, message: argumentNotOneOf(name, shownArgument(value), choices) };
}

const readAggregate = (value: CellValue | undefined): Parsed<Aggregate> =>
  readWord<Aggregate>(value, "average", parseAggregate, "aggregate", AGGREGATE_NAMES);

const readTargetType = (value: CellValue | undefined): Parsed<TargetType> =>
  readWord<TargetType>(value, "%", parseTargetType, "targetType", "%, change or value");

/**
 * A formula's `dates` and `values` (one cell each, in step) as a sorted series. A pair with a blank or
 * an error cell on either side is skipped (#N/A in a KPI column is common); dates are serials or ISO text.
 */
export function singleTargetSeries(
  dates: readonly CellValue[],
  values: readonly CellValue[]
): Parsed<Series> {
  if (dates.length !== values.length)
    return { ok: false, message: seriesSizesDiffer(dates.length, values.length) };
  const builder = new SeriesBuilder();
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    const value = values[i];
    if (isBlank(date) || isBlank(value)) continue;
    if (cellKind(date) === "error" || cellKind(value) === "error") continue;
    let serial: number | undefined;
    if (typeof date === "number" && Number.isFinite(date)) serial = date;
    else if (typeof date === "string") serial = parseIsoDate(date);
    if (serial === undefined)
      return { ok: false, message: seriesCellNotADate(i + 1, shownArgument(date)) };
    if (typeof value !== "number" || !Number.isFinite(value))
      return { ok: false, message: seriesCellNotANumber(i + 1, shownArgument(value)) };
    builder.add(serial, value, i);
  }
  return { ok: true, value: builder.build().series };
}

/** The last day inside a window from `start`; a negative window ends the day before start. */
export function windowEnd(start: number, window: CellValue): Parsed<number> {
  const span = parseSpan(window);
  if (!span.ok) return { ok: false, message: windowArgument(span.message) };
  const day = Math.floor(start);
  return { ok: true, value: span.value.negative ? day - 1 : lastDay(windowAfter(day, span.value)) };
}

/**
 * What an attainment pays under a Reward and an optional Threshold and Cap, as a decided target is paid
 * (SPEC §4): all or nothing at 100% without them, proportional with either.
 */
export function attainmentPayout(attainment: number, rule: PayRule): number {
  return payout(attainment >= 1 ? "Met" : "Missed", attainment, rule);
}

/** The fraction of the reward a pay curve pays at an attainment; an invalid curve says why. */
export function payCurveFraction(
  points: readonly PayCurvePoint[],
  attainment: number
): Parsed<number> {
  const checked = checkPayCurve("curve", points);
  if (!checked.ok) return { ok: false, message: curveArgument(checked.message) };
  return { ok: true, value: curvePayout(checked.value, attainment) };
}

/** Start, Window and Baseline as the evaluation window and the baseline rule. */
function readWindows(
  input: Pick<SingleTargetInput, "start" | "window" | "baseline">
): Parsed<Windows> {
  const start = Math.floor(input.start);
  const span = parseSpan(input.window);
  if (!span.ok) return { ok: false, message: windowArgument(span.message) };
  if (span.value.negative) return { ok: false, message: negativeWindow("window", span.value.text) };
  const evaluation = windowAfter(start, span.value);
  const rule = parseBaseline(
    input.baseline ?? null,
    start,
    evaluation,
    windowBefore(start, span.value)
  );
  if (!rule.ok) return { ok: false, message: `baseline ${rule.message}` };
  return { ok: true, value: { start, evaluation, baseline: rule.value } };
}

/** A and B of a target's windows, without a target: what KPI.CHANGE reports. */
export function measureSingleTarget(
  input: Pick<SingleTargetInput, "start" | "window" | "baseline" | "aggregate">,
  series: Series
): Parsed<SingleTargetMeasure> {
  const read = readAggregate(input.aggregate);
  if (!read.ok) return read;
  const aggregate = read.value;
  const windows = readWindows(input);
  if (!windows.ok) return windows;
  const { evaluation, baseline: rule } = windows.value;
  const actual = aggregateWindow(series, evaluation, aggregate);
  const baseline = measureBaseline(rule, series, evaluation, aggregate);
  const change =
    actual.value !== null && baseline.value !== null
      ? changeOf(actual.value, baseline.value)
      : null;
  return { ok: true, value: { evaluation, actual, baseline, change } };
}

/**
 * Evaluates one target over a series exactly as a Targets row is evaluated: the Target cell read and
 * checked by the Targets-row rules, then the engine's own evaluation (goal, attainment, status).
 * Fails (the target is Invalid before any data) with a message naming the argument.
 */
export function evaluateSingleTarget(
  input: SingleTargetInput,
  series: Series,
  asOf: number
): Parsed<SingleTargetEvaluation> {
  const aggregate = readAggregate(input.aggregate);
  if (!aggregate.ok) return aggregate;
  const type = readTargetType(input.targetType);
  if (!type.ok) return type;
  const targetType = type.value;
  const windows = readWindows(input);
  if (!windows.ok) return windows;
  const t = parseTargetCell(input.target, targetType, "target");
  if (!t.ok) return t;
  const problems = checkTarget(t.value, targetType, input.direction, (column) => column);
  const error = problems.find((p) => p.severity === "error");
  if (error) return { ok: false, message: error.message };
  const kpi = input.kpi ?? "KPI";
  const target: Target = {
    source: NO_CELL,
    kpiCell: NO_CELL,
    targetCell: NO_CELL,
    project: "",
    team: "",
    kpi,
    start: windows.value.start,
    evaluation: windows.value.evaluation,
    baseline: windows.value.baseline,
    target: t.value,
    targetType,
    direction: input.direction,
    aggregate: aggregate.value,
    minPoints: input.minPoints ?? 1,
    reward: 0,
    weight: 1,
  };
  return {
    ok: true,
    value: {
      target,
      result: evaluateTarget(target, series, asOf),
      warnings: problems.map((p) => p.message),
    },
  };
}

/** A window's aggregate; a negative window (`-90 days`) is the span before start (KPI.WINDOW). */
export function measureWindow(
  series: Series,
  start: number,
  window: CellValue,
  aggregateCell: CellValue | undefined
): Parsed<{ window: Window; aggregate: WindowAggregate }> {
  const aggregate = readAggregate(aggregateCell);
  if (!aggregate.ok) return aggregate;
  const span = parseSpan(window);
  if (!span.ok) return { ok: false, message: windowArgument(span.message) };
  const day = Math.floor(start);
  const range = span.value.negative ? windowBefore(day, span.value) : windowAfter(day, span.value);
  return {
    ok: true,
    value: { window: range, aggregate: aggregateWindow(series, range, aggregate.value) },
  };
}
