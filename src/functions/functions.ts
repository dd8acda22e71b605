/* global CustomFunctions */
import {
  attainmentPayout,
  cellText,
  type CellValue,
  evaluateSingleTarget,
  evaluateWorkbook,
  type Evaluation,
  measureSingleTarget,
  measureWindow,
  type Parsed,
  payCurveFraction,
  type Series,
  type SingleTargetInput,
  type Window,
  windowEnd as lastDayOfWindow,
} from "../engine";
import {
  formatDay,
  formatWindow,
  issuesTable,
  type OutputTable,
  resultsTable,
  teamsTable,
  writableValue,
} from "../sheet";
import {
  ArgumentProblem,
  curveArgument,
  asOfArgument,
  dayArgument,
  gridArgument,
  isBlank,
  numberArgument,
  optionalFraction,
  rejectErrors,
  seriesArgument,
} from "./arguments";
import * as M from "./messages";

/** The error a formula returns outside Excel (tests, scripts): the same code and message. */
export class FormulaError extends Error {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    message: string
  ) {
    super(message);
  }
}

/** Turns argument problems into Excel errors at the edge; everything inside works with values. */
function formula<T>(body: () => T): T {
  try {
    return body();
  } catch (problem) {
    if (!(problem instanceof ArgumentProblem)) throw problem;
    if (typeof CustomFunctions !== "undefined") {
      const code =
        problem.code === "#N/A"
          ? CustomFunctions.ErrorCode.notAvailable
          : CustomFunctions.ErrorCode.invalidValue;
      throw new CustomFunctions.Error(code, problem.message);
    }
    throw new FormulaError(problem.code, problem.message);
  }
}

/** An engine answer, or #VALUE! with the engine's message. */
function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new ArgumentProblem("#VALUE!", parsed.message);
  return parsed.value;
}

/** A window's aggregate, or #N/A naming the empty window. */
function present(value: number | null, window: Window | undefined, which: string): number {
  if (value === null)
    throw new ArgumentProblem(
      "#N/A",
      M.noObservations(window ? formatWindow(window) : undefined, which)
    );
  return value;
}

/** The arguments every single-target function shares, read into the engine's single-target input. */
function singleTargetInput(
  start: unknown,
  window: unknown,
  baseline: unknown,
  aggregate: unknown,
  target: unknown = null,
  targetType: unknown = null
): SingleTargetInput {
  return {
    start: dayArgument(start, "start"),
    window: window as CellValue,
    baseline: baseline as CellValue,
    aggregate: aggregate as CellValue,
    target: target as CellValue,
    targetType: targetType as CellValue,
  };
}

/** One target through the engine's single-target entry; an Invalid target is #VALUE! saying why. */
function decidedTarget(input: SingleTargetInput, series: Series, asOf: number) {
  const evaluated = valid(evaluateSingleTarget(input, series, asOf));
  if (evaluated.result.status === "Invalid")
    throw new ArgumentProblem("#VALUE!", M.invalidTarget(evaluated.result.problem));
  return evaluated;
}

/**
 * The last day inside a window that starts on a date.
 * @customfunction WINDOWEND
 * @helpurl https://localhost:3000/help.html#kpiwindowend
 * @param start First day of the window (go-live), a date.
 * @param window Length, like "30 days", "3 months", "1 quarter" or "1 year". A negative window ("-90 days") is the span before start.
 * @returns The last day inside the window, as a date serial.
 */
export function windowEnd(start: any, window: any): number {
  return formula(() => {
    rejectErrors({ start, window });
    const day = dayArgument(start, "start");
    const span = typeof window === "string" || typeof window === "number" ? window : String(window);
    return valid(lastDayOfWindow(day, span));
  });
}

/**
 * The aggregate of the observations inside a window.
 * @customfunction WINDOW
 * @helpurl https://localhost:3000/help.html#kpiwindow
 * @param dates Observation dates: one column or one row.
 * @param values Observation values, the same size as dates.
 * @param start First day of the window, a date.
 * @param window Length, like "1 month" or "90 days"; "-90 days" means the 90 days before start.
 * @param [aggregate] average (default), sum, min, max, median, first, last or count.
 * @returns The window's aggregate.
 */
export function windowAggregate(
  dates: any[][],
  values: any[][],
  start: any,
  window: any,
  aggregate?: any
): number {
  return formula(() => {
    rejectErrors({ start, window, aggregate });
    const series = seriesArgument(dates, values);
    const measured = valid(
      measureWindow(series, dayArgument(start, "start"), window, aggregate as CellValue)
    );
    return present(measured.aggregate.value, measured.window, "the window");
  });
}

/**
 * The relative change of the evaluation window against its baseline: (A − B) / |B|.
 * @customfunction CHANGE
 * @helpurl https://localhost:3000/help.html#kpichange
 * @param dates Observation dates: one column or one row.
 * @param values Observation values, the same size as dates.
 * @param start Go-live: the first day of the evaluation window.
 * @param window Evaluation window, like "1 month" or "90 days".
 * @param [baseline] Blank: the same span right before start. Or a number (fixed), a window like "90 days", or "prior year".
 * @param [aggregate] average (default), sum, min, max, median, first, last or count.
 * @returns The change as a fraction (-0.224 is −22.4%).
 */
export function change(
  dates: any[][],
  values: any[][],
  start: any,
  window: any,
  baseline?: any,
  aggregate?: any
): number {
  return formula(() => {
    rejectErrors({ start, window, baseline, aggregate });
    const series = seriesArgument(dates, values);
    const measured = valid(
      measureSingleTarget(singleTargetInput(start, window, baseline, aggregate), series)
    );
    present(measured.actual.value, measured.evaluation, "the evaluation window");
    const B = present(measured.baseline.value, measured.baseline.window, "the baseline window");
    if (B === 0) throw new ArgumentProblem("#VALUE!", M.ZERO_BASELINE);
    return measured.change!;
  });
}

/**
 * The share of the promised movement achieved: 1 is exactly met.
 * @customfunction ATTAINMENT
 * @helpurl https://localhost:3000/help.html#kpiattainment
 * @param dates Observation dates: one column or one row.
 * @param values Observation values, the same size as dates.
 * @param start Go-live: the first day of the evaluation window.
 * @param window Evaluation window, like "1 month" or "90 days".
 * @param target The promise: -0.2 or "-20%" for %, an amount for change, a level for value.
 * @param [baseline] Blank: the same span right before start. Or a number (fixed), a window like "90 days", or "prior year".
 * @param [aggregate] average (default), sum, min, max, median, first, last or count.
 * @param [targetType] % (default), change or value.
 * @returns Attainment as a fraction (1.12 is 112%).
 */
export function attainment(
  dates: any[][],
  values: any[][],
  start: any,
  window: any,
  target: any,
  baseline?: any,
  aggregate?: any,
  targetType?: any
): number {
  return formula(() => {
    rejectErrors({ start, window, target, baseline, aggregate, targetType });
    const series = seriesArgument(dates, values);
    const input = singleTargetInput(start, window, baseline, aggregate, target, targetType);
    // The as-of date decides only Pending, which attainment does not show: any date will do.
    const { target: read, result } = decidedTarget(input, series, 0);
    present(result.actual, read.evaluation, "the evaluation window");
    present(
      result.baseline,
      read.baseline.kind === "window" ? read.baseline.window : undefined,
      "the baseline window"
    );
    if (result.attainment === null) throw new ArgumentProblem("#VALUE!", M.UNDEFINED_ATTAINMENT);
    return result.attainment;
  });
}

/**
 * Met, Missed, Pending or Insufficient data for one target.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/help.html#kpistatus
 * @param dates Observation dates: one column or one row.
 * @param values Observation values, the same size as dates.
 * @param start Go-live: the first day of the evaluation window.
 * @param window Evaluation window, like "1 month" or "90 days".
 * @param target The promise: -0.2 or "-20%" for %, an amount for change, a level for value.
 * @param [baseline] Blank: the same span right before start. Or a number (fixed), a window like "90 days", or "prior year".
 * @param [aggregate] average (default), sum, min, max, median, first, last or count.
 * @param [targetType] % (default), change or value.
 * @param [asOf] Evaluation date; blank means the date at calculation. A cell holding the date is best.
 * @returns The target's status.
 */
export function status(
  dates: any[][],
  values: any[][],
  start: any,
  window: any,
  target: any,
  baseline?: any,
  aggregate?: any,
  targetType?: any,
  asOf?: any
): string {
  return formula(() => {
    rejectErrors({ start, window, target, baseline, aggregate, targetType, asOf });
    const series = seriesArgument(dates, values);
    const input = singleTargetInput(start, window, baseline, aggregate, target, targetType);
    const { result } = decidedTarget(input, series, asOfArgument(asOf));
    return result.status;
  });
}

/**
 * The reward a target earns for an attainment.
 * @customfunction PAYOUT
 * @helpurl https://localhost:3000/help.html#kpipayout
 * @param attainment Attainment as a fraction (1 is exactly met).
 * @param reward Amount paid when the target is met.
 * @param [threshold] Lowest attainment that pays anything (proportional pay); 1 when only cap is given.
 * @param [cap] Highest attainment paid (proportional pay); 1 when only threshold is given.
 * @returns The payout.
 */
export function payout(attainment: any, reward: any, threshold?: any, cap?: any): number {
  return formula(() => {
    rejectErrors({ attainment, reward, threshold, cap });
    const a = numberArgument(attainment, "attainment");
    const rule = {
      reward: numberArgument(reward, "reward"),
      threshold: optionalFraction(threshold, "threshold"),
      cap: optionalFraction(cap, "cap"),
    };
    return attainmentPayout(a, rule);
  });
}

function evaluateRanges(targets: unknown, observations: unknown, asOf: unknown): Evaluation {
  if (!Array.isArray(targets) || !Array.isArray(observations)) {
    throw new ArgumentProblem("#VALUE!", M.RANGES_NEEDED);
  }
  rejectErrors({ asOf });
  // Error cells are kept in the engine's form: it skips them and lists them among the issues.
  const targetRows = gridArgument(targets);
  const observationRows = gridArgument(observations);
  // A wide range without a Project column belongs to the targets' project when they name only one.
  const projects = new Set(targetRows.slice(1).map((row) => cellText(row[0])));
  const observationsName = projects.size === 1 ? [...projects][0] : "observations";
  const evaluation = evaluateWorkbook(
    {
      sheets: [
        { name: "targets", values: targetRows },
        { name: observationsName, values: observationRows },
      ],
    },
    { asOf: asOfArgument(asOf) }
  );
  const kinds = evaluation.tables.map((t) => `${t.sheet}:${t.kind}`);
  if (!kinds.includes("targets:targets")) {
    throw new ArgumentProblem("#VALUE!", M.TARGETS_HEADER_NEEDED);
  }
  if (!kinds.some((k) => k.startsWith(`${observationsName}:`) && k.endsWith("observations"))) {
    throw new ArgumentProblem("#VALUE!", M.OBSERVATIONS_HEADER_NEEDED);
  }
  return evaluation;
}

/** A table with its header row, blanks as empty text so Excel shows empty cells. */
function spill(table: OutputTable): (string | number | boolean)[][] {
  return [table.header.slice(), ...table.rows.map((row) => row.map(writableValue))];
}

/**
 * Whether an open window is on track to meet its target: its value so far projected to the window's end.
 * @customfunction PACE
 * @helpurl https://localhost:3000/help.html#kpipace
 * @param dates Observation dates: one column or one row.
 * @param values Observation values, the same size as dates.
 * @param start Go-live: the first day of the evaluation window.
 * @param window Evaluation window, like "1 month" or "90 days".
 * @param target The promise: -0.2 or "-20%" for %, an amount for change, a level for value.
 * @param [baseline] Blank: the same span right before start. Or a number (fixed), a window like "90 days", or "prior year".
 * @param [aggregate] average (default), sum, min, max, median, first, last or count.
 * @param [targetType] % (default), change or value.
 * @param [asOf] Evaluation date; blank means the date at calculation. A cell holding the date is best.
 * @returns On track or At risk.
 */
export function pace(
  dates: any[][],
  values: any[][],
  start: any,
  window: any,
  target: any,
  baseline?: any,
  aggregate?: any,
  targetType?: any,
  asOf?: any
): string {
  return formula(() => {
    rejectErrors({ start, window, target, baseline, aggregate, targetType, asOf });
    const series = seriesArgument(dates, values);
    const day = asOfArgument(asOf);
    const input = singleTargetInput(start, window, baseline, aggregate, target, targetType);
    const { target: read, result } = decidedTarget(input, series, day);
    if (result.pace) return result.pace;
    const span = formatWindow(read.evaluation);
    if (Math.floor(day) >= read.evaluation.to)
      throw new ArgumentProblem("#N/A", M.windowOver(span, formatDay(Math.floor(day))));
    if (Math.floor(day) < read.evaluation.from)
      throw new ArgumentProblem("#N/A", M.windowNotOpen(span, formatDay(read.evaluation.from)));
    if (result.baseline === null) throw new ArgumentProblem("#N/A", M.NO_BASELINE_OBSERVATIONS);
    throw new ArgumentProblem("#N/A", M.noObservationYet(span, formatDay(Math.floor(day))));
  });
}

/**
 * The payout of a pay curve: linear between its points, 0 below the first, the last point's above it.
 * @customfunction PAYCURVE
 * @helpurl https://localhost:3000/help.html#kpipaycurve
 * @param attainment Attainment as a fraction (1 is exactly met).
 * @param reward Amount the curve's payout fractions are fractions of.
 * @param curve Two columns, Attainment and Payout (0.8 or 80%), one row per point; a header row is allowed.
 * @returns The payout.
 */
export function payCurve(attainment: any, reward: any, curve: any[][]): number {
  return formula(() => {
    rejectErrors({ attainment, reward });
    const a = numberArgument(attainment, "attainment");
    const amount = numberArgument(reward, "reward");
    return amount * valid(payCurveFraction(curveArgument(curve), a));
  });
}

/**
 * KpiResults, then, when the data has problems (a skipped error cell, a bad date, an Invalid row's
 * cause), an empty row and KpiIssues under it, padded to the same width: a formula has no other place
 * to say what it skipped. Without issues the spill is KpiResults alone.
 */
function spillWithIssues(evaluation: Evaluation): (string | number | boolean)[][] {
  const results = spill(resultsTable(evaluation));
  if (evaluation.issues.length === 0) return results;
  const width = results[0].length;
  const pad = (row: (string | number | boolean)[]) => [
    ...row,
    ...Array<string>(width - row.length).fill(""),
  ];
  return [...results, pad([]), ...spill(issuesTable(evaluation)).map(pad)];
}

/**
 * Evaluates every target of a Targets range: spills KpiResults with its header row, then KpiIssues
 * (Severity, Sheet, Cell, Message) below an empty row when the data has problems.
 * @customfunction EVALUATE
 * @helpurl https://localhost:3000/help.html#kpievaluate
 * @param targets The Targets table, header row included.
 * @param observations Observations, header row included: long (Project, KPI, Date, Value) or wide (Date and one column per KPI).
 * @param [asOf] Evaluation date; blank means the date at calculation. A cell holding the date is best.
 * @returns Project, Team, KPI, Start, End, Baseline, Actual, Target value, Change, Attainment, Status, Payout, Explanation; then the issues.
 */
export function evaluate(targets: any[][], observations: any[][], asOf?: any): any[][] {
  return formula(() => spillWithIssues(evaluateRanges(targets, observations, asOf)));
}

/**
 * Rolls the targets up by team: spills KpiTeams with its header row.
 * @customfunction TEAMS
 * @helpurl https://localhost:3000/help.html#kpiteams
 * @param targets The Targets table, header row included.
 * @param observations Observations, header row included: long (Project, KPI, Date, Value) or wide (Date and one column per KPI).
 * @param [asOf] Evaluation date; blank means the date at calculation. A cell holding the date is best.
 * @returns Team, Targets, Met, Missed, Pending, Review, Score, Eligible, Reward.
 */
export function teams(targets: any[][], observations: any[][], asOf?: any): any[][] {
  return formula(() => spill(teamsTable(evaluateRanges(targets, observations, asOf))));
}

/**
 * Whether a team is eligible for its reward.
 * @customfunction ELIGIBLE
 * @helpurl https://localhost:3000/help.html#kpieligible
 * @param team The team's name (the Team column, else the project).
 * @param targets The Targets table, header row included.
 * @param observations Observations, header row included: long or wide.
 * @param [asOf] Evaluation date; blank means the date at calculation. A cell holding the date is best.
 * @returns Yes, No, Pending or Review.
 */
export function eligible(team: any, targets: any[][], observations: any[][], asOf?: any): string {
  return formula(() => {
    rejectErrors({ team });
    if (isBlank(team)) throw new ArgumentProblem("#VALUE!", M.BLANK_TEAM);
    const name = String(team).trim();
    const found = evaluateRanges(targets, observations, asOf).teams.find(
      (t) => t.team.toLowerCase() === name.toLowerCase()
    );
    if (!found) throw new ArgumentProblem("#N/A", M.unknownTeam(name));
    return found.eligible;
  });
}
