/* global CustomFunctions */
import {
  aggregateWindow,
  attainment as attainmentOf,
  change as changeOf,
  evaluateTarget,
  evaluateWorkbook,
  formatWindow,
  goal as goalOf,
  lastDay,
  measureBaseline,
  parseBaseline,
  proportionalPay,
  resultsTable,
  teamsTable,
  windowAfter,
  windowBefore,
  writableValue,
  type CellValue,
  type Evaluation,
  type Grid,
  type OutputTable,
  type Series,
  type Target,
  type Window,
} from "../engine";
import {
  aggregateArgument,
  ArgumentProblem,
  asOfArgument,
  dayArgument,
  isBlank,
  numberArgument,
  optionalFraction,
  seriesArgument,
  spanArgument,
  targetArgument,
  targetTypeArgument,
} from "./arguments";

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

function aggregateOrMissing(
  series: Series,
  window: Window,
  aggregate: ReturnType<typeof aggregateArgument>,
  which: string
): number {
  const { value } = aggregateWindow(series, window, aggregate);
  if (value === null)
    throw new ArgumentProblem("#N/A", `No observations in ${formatWindow(window)} (${which})`);
  return value;
}

interface SingleTarget {
  series: Series;
  target: Target;
}

/** The arguments of CHANGE, ATTAINMENT and STATUS as one engine Target (Min points 1, direction from the sign). */
function singleTarget(
  dates: unknown,
  values: unknown,
  start: unknown,
  window: unknown,
  t: number,
  baseline: unknown,
  aggregate: unknown,
  targetType: unknown
): SingleTarget {
  const series = seriesArgument(dates, values);
  const startDay = dayArgument(start, "start");
  const span = spanArgument(window, "window");
  if (span.negative)
    throw new ArgumentProblem(
      "#VALUE!",
      `window "${span.text}" is negative; the evaluation window runs forward from start`
    );
  const evaluation = windowAfter(startDay, span);
  const rule = parseBaseline(
    baseline as CellValue,
    startDay,
    evaluation,
    windowBefore(startDay, span)
  );
  if (!rule.ok) throw new ArgumentProblem("#VALUE!", `baseline ${rule.message}`);
  const cell = { sheet: "", cell: "" };
  return {
    series,
    target: {
      source: cell,
      kpiCell: cell,
      targetCell: cell,
      project: "",
      team: "",
      kpi: "KPI",
      start: startDay,
      evaluation,
      baseline: rule.value,
      target: t,
      targetType: targetTypeArgument(targetType),
      aggregate: aggregateArgument(aggregate),
      minPoints: 1,
      reward: 0,
      weight: 1,
    },
  };
}

/** A and B of a single target, or #N/A naming the empty window. */
function actualAndBaseline({ series, target }: SingleTarget): { A: number; B: number } {
  const A = aggregateOrMissing(
    series,
    target.evaluation,
    target.aggregate,
    "the evaluation window"
  );
  const baseline = measureBaseline(target.baseline, series, target.evaluation, target.aggregate);
  if (baseline.value === null)
    throw new ArgumentProblem(
      "#N/A",
      `No observations in ${formatWindow(baseline.window!)} (the baseline window)`
    );
  return { A, B: baseline.value };
}

/**
 * The last day inside a window that starts on a date.
 * @customfunction WINDOWEND
 * @helpurl https://localhost:3000/help.html#formulas
 * @param start First day of the window (go-live), a date.
 * @param window Length, like "30 days", "3 months", "1 quarter" or "1 year". A negative window ("-90 days") is the span before start.
 * @returns The last day inside the window, as a date serial.
 */
export function windowEnd(start: any, window: any): number {
  return formula(() => {
    const day = dayArgument(start, "start");
    const span = spanArgument(window, "window");
    return span.negative ? day - 1 : lastDay(windowAfter(day, span));
  });
}

/**
 * The aggregate of the observations inside a window.
 * @customfunction WINDOW
 * @helpurl https://localhost:3000/help.html#formulas
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
    const series = seriesArgument(dates, values);
    const day = dayArgument(start, "start");
    const span = spanArgument(window, "window");
    const range = span.negative ? windowBefore(day, span) : windowAfter(day, span);
    return aggregateOrMissing(series, range, aggregateArgument(aggregate), "the window");
  });
}

/**
 * The relative change of the evaluation window against its baseline: (A − B) / |B|.
 * @customfunction CHANGE
 * @helpurl https://localhost:3000/help.html#formulas
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
    const { A, B } = actualAndBaseline(
      singleTarget(dates, values, start, window, 1, baseline, aggregate, "%")
    );
    if (B === 0)
      throw new ArgumentProblem("#VALUE!", "baseline is 0, so a relative change is undefined");
    return changeOf(A, B)!;
  });
}

/**
 * The share of the promised movement achieved: 1 is exactly met.
 * @customfunction ATTAINMENT
 * @helpurl https://localhost:3000/help.html#formulas
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
    const single = singleTarget(
      dates,
      values,
      start,
      window,
      targetArgument(target),
      baseline,
      aggregate,
      targetType
    );
    const { A, B } = actualAndBaseline(single);
    const goal = goalOf(single.target.targetType, single.target.target, B);
    if (!goal.ok) throw new ArgumentProblem("#VALUE!", `target: ${goal.message}`);
    const share = attainmentOf(A, B, goal.value, single.target.targetType);
    if (share === null)
      throw new ArgumentProblem("#VALUE!", "attainment is undefined here (a division by zero)");
    return share;
  });
}

/**
 * Met, Missed, Pending or Insufficient data for one target.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/help.html#formulas
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
    const single = singleTarget(
      dates,
      values,
      start,
      window,
      targetArgument(target),
      baseline,
      aggregate,
      targetType
    );
    const result = evaluateTarget(single.target, single.series, asOfArgument(asOf));
    if (result.status === "Invalid")
      throw new ArgumentProblem("#VALUE!", `target: ${result.problem}`);
    return result.status;
  });
}

/**
 * The reward a target earns for an attainment.
 * @customfunction PAYOUT
 * @helpurl https://localhost:3000/help.html#formulas
 * @param attainment Attainment as a fraction (1 is exactly met).
 * @param reward Amount paid when the target is met.
 * @param [threshold] Lowest attainment that pays anything (proportional pay); 1 when only cap is given.
 * @param [cap] Highest attainment paid (proportional pay); 1 when only threshold is given.
 * @returns The payout.
 */
export function payout(attainment: any, reward: any, threshold?: any, cap?: any): number {
  return formula(() => {
    const a = numberArgument(attainment, "attainment");
    const rule = {
      reward: numberArgument(reward, "reward"),
      threshold: optionalFraction(threshold, "threshold"),
      cap: optionalFraction(cap, "cap"),
    };
    if (rule.threshold === undefined && rule.cap === undefined) return a >= 1 ? rule.reward : 0;
    return proportionalPay(a, rule);
  });
}

function evaluateRanges(targets: unknown, observations: unknown, asOf: unknown): Evaluation {
  if (!Array.isArray(targets) || !Array.isArray(observations)) {
    throw new ArgumentProblem(
      "#VALUE!",
      "targets and observations must be ranges with their header rows"
    );
  }
  const targetRows = targets as Grid;
  // A wide range without a Project column belongs to the targets' project when they name only one.
  const projects = new Set(targetRows.slice(1).map((row) => String(row[0] ?? "")));
  const observationsName = projects.size === 1 ? [...projects][0] : "observations";
  const evaluation = evaluateWorkbook(
    {
      sheets: [
        { name: "targets", values: targetRows },
        { name: observationsName, values: observations as Grid },
      ],
    },
    { asOf: asOfArgument(asOf) }
  );
  const kinds = evaluation.tables.map((t) => `${t.sheet}:${t.kind}`);
  if (!kinds.includes("targets:targets")) {
    throw new ArgumentProblem(
      "#VALUE!",
      "targets must start with the Targets header row: Project, KPI, Start, Window or End, Target"
    );
  }
  if (!kinds.some((k) => k.startsWith(`${observationsName}:`) && k.endsWith("observations"))) {
    throw new ArgumentProblem(
      "#VALUE!",
      "observations must start with a header row: Project, KPI, Date, Value (long) or Date and one column per KPI (wide)"
    );
  }
  return evaluation;
}

/** A table with its header row, blanks as empty text so Excel shows empty cells. */
function spill(table: OutputTable): (string | number | boolean)[][] {
  return [table.header.slice(), ...table.rows.map((row) => row.map(writableValue))];
}

/**
 * Evaluates every target of a Targets range: spills KpiResults with its header row.
 * @customfunction EVALUATE
 * @helpurl https://localhost:3000/help.html#formulas
 * @param targets The Targets table, header row included.
 * @param observations Observations, header row included: long (Project, KPI, Date, Value) or wide (Date and one column per KPI).
 * @param [asOf] Evaluation date; blank means the date at calculation. A cell holding the date is best.
 * @returns Project, Team, KPI, Start, End, Baseline, Actual, Target value, Change, Attainment, Status, Payout, Explanation.
 */
export function evaluate(targets: any[][], observations: any[][], asOf?: any): any[][] {
  return formula(() => spill(resultsTable(evaluateRanges(targets, observations, asOf))));
}

/**
 * Rolls the targets up by team: spills KpiTeams with its header row.
 * @customfunction TEAMS
 * @helpurl https://localhost:3000/help.html#formulas
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
 * @helpurl https://localhost:3000/help.html#formulas
 * @param team The team's name (the Team column, else the project).
 * @param targets The Targets table, header row included.
 * @param observations Observations, header row included: long or wide.
 * @param [asOf] Evaluation date; blank means the date at calculation. A cell holding the date is best.
 * @returns Yes, No, Pending or Review.
 */
export function eligible(team: any, targets: any[][], observations: any[][], asOf?: any): string {
  return formula(() => {
    if (isBlank(team)) throw new ArgumentProblem("#VALUE!", "team is blank; enter a team's name");
    const name = String(team).trim();
    const found = evaluateRanges(targets, observations, asOf).teams.find(
      (t) => t.team.toLowerCase() === name.toLowerCase()
    );
    if (!found)
      throw new ArgumentProblem("#N/A", `team "${name}" has no targets in the targets range`);
    return found.eligible;
  });
}
