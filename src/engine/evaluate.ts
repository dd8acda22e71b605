import type { CellRef } from "./grid/address";
import { aggregateWindow } from "./series/aggregate";
import { measureBaseline } from "./series/baseline";
import {
  attainment as attainmentOf,
  change as changeOf,
  goal as goalOf,
  isMet,
  type Goal,
} from "./rules/attainment";
import { applyAdjustments, readAdjustments, type AppliedAdjustment } from "./rules/adjustment";
import { CellReader } from "./grid/cell-reader";
import { explain } from "./rules/explanation";
import { IssueLog, type Issue } from "./grid/issue";
import { readObservations, type ObservationIndex } from "./series/observations";
import { measurePace, type Pace } from "./rules/pace";
import {
  curveCap,
  curvePayout,
  findPayCurve,
  readPayCurves,
  type PayCurves,
} from "./rules/pay-curve";
import { payout as payoutOf } from "./rules/payout";
import { compareWithHistory } from "./runs/run-changes";
import { planRun, runsBefore, type RunHistory, type RunPlan } from "./runs/run-history";
import { fingerprintTables } from "./runs/fingerprint";
import type { Series } from "./series/series";
import { isDecided, type Status } from "./rules/status";
import {
  findTables,
  summariseTables,
  type FoundTable,
  type FoundTables,
  type TableSummary,
} from "./grid/tables";
import type { Target } from "./rules/target";
import { missingTargetColumns, readTargetRow, type InvalidTarget } from "./rules/target-row";
import { rollUpTeams, type TeamMember, type TeamResult } from "./rules/team";
import { lastDay } from "./series/window";
import type { WorkbookGrid } from "./grid/workbook";

/** One row of KpiResults, with what the pane and the JSON output need besides. */
export interface TargetResult extends TeamMember {
  readonly project: string;
  readonly kpi: string;
  readonly start: number | null;
  /** The inclusive last day of the evaluation window. */
  readonly end: number | null;
  readonly baseline: number | null;
  readonly actual: number | null;
  readonly targetValue: number | null;
  readonly change: number | null;
  /** A Pending target's value projected to the end of its window (SPEC §11); null otherwise. */
  readonly projected: number | null;
  readonly pace: Pace | null;
  /** The Adjustments added to this target's payout (SPEC §10); null when none. */
  readonly adjustment: number | null;
  /** Observations in the evaluation window, recorded with each run. */
  readonly observations: number | null;
  /** Against the last approved run, else the last run (SPEC §9); null and "" without history. */
  readonly previousStatus: Status | null;
  readonly previousPayout: number | null;
  readonly changed: string;
  readonly explanation: string;
  /** Why an Invalid row is Invalid, without the KPI and cell the explanation adds. */
  readonly problem?: string;
  /** The cell an Invalid row's problem is shown at, when not its Target cell. */
  readonly problemCell?: CellRef;
  readonly source: CellRef;
}

export interface Evaluation {
  readonly asOf: number;
  readonly results: TargetResult[];
  readonly teams: TeamResult[];
  readonly issues: Issue[];
  readonly tables: TableSummary[];
  /** Every adjustment applied, for the pane to list beside its target or team. */
  readonly adjustments: AppliedAdjustment[];
  /** Present when the evaluation was asked to record a run (SPEC §9). */
  readonly run?: RunOutcome;
}

/** What recording this evaluation means for the run history. */
export interface RunOutcome {
  /** A new run to append, or the run this evaluation repeats (same as-of date and inputs). */
  readonly plan: RunPlan;
  /** The `Inputs` fingerprint of this evaluation. */
  readonly inputs: string;
  /** The run the results were compared with, when there is one. */
  readonly comparedWith?: number;
}

export interface EvaluateOptions {
  /** The evaluation date as a whole-day serial: it decides Pending, nothing else. */
  readonly asOf: number;
  /**
   * The workbook's run history, when the evaluation will be recorded (hosts that write): results are
   * compared with it and the run is planned. Fingerprinting every input costs a pass over the cells,
   * so formulas, which record nothing, leave it out.
   */
  readonly history?: RunHistory;
}

/** Read grid → recognise tables → evaluate every target → roll up teams. */
export function evaluateWorkbook(workbook: WorkbookGrid, options: EvaluateOptions): Evaluation {
  const found = findTables(workbook);
  const issues = [...(workbook.issues ?? []), ...(found.issues ?? [])];
  return evaluateTables(
    issues.length > 0 ? { ...found, issues } : found,
    options,
    workbook.date1904 ?? false
  );
}

export function evaluateTables(
  found: FoundTables,
  options: EvaluateOptions,
  date1904 = false
): Evaluation {
  const issues = new IssueLog();
  issues.issues.push(...(found.issues ?? []));
  const reader = new CellReader(date1904);
  const index = readObservations(found.observations, reader, issues);
  const curves = readPayCurves(found.payCurves ?? [], reader, issues);
  let results: TargetResult[] = [];
  const rows = new Map<FoundTable, number>(index.rows);
  for (const table of found.targets) {
    const tableProblem = missingTargetColumns(table, issues);
    const before = results.length;
    for (let row = table.view.firstDataRow; row < table.view.endRow; row++) {
      if (table.view.isBlankRow(row)) continue;
      const parsed = readTargetRow(table, row, reader, issues, tableProblem);
      results.push(
        parsed.ok
          ? evaluateIndexed(parsed.target, index, options.asOf, issues, curves)
          : invalidResult(parsed.invalid)
      );
    }
    rows.set(table, results.length - before);
  }
  const adjusted = applyAdjustments(
    readAdjustments(found.adjustments ?? [], reader, issues),
    results,
    issues
  );
  for (const [i, amount] of adjusted.byTarget) {
    const result = results[i];
    const explanation = `${result.explanation.replace(/\.$/, "")}; ${adjusted.phrases.get(i)}.`;
    results[i] = { ...result, adjustment: amount, explanation };
  }
  let run: RunOutcome | undefined;
  if (options.history) {
    const inputs = fingerprintTables([
      ...found.targets,
      ...found.observations,
      ...(found.adjustments ?? []),
      ...(found.payCurves ?? []),
    ]);
    const plan = planRun(options.history, options.asOf, inputs);
    // A repeat of run N is run N again: it shows what run N showed, compared with the runs before it.
    const basis = plan.kind === "repeat" ? runsBefore(options.history, plan.run) : options.history;
    const comparison = compareWithHistory(results, basis);
    results = results.map((result, i) => {
      const change = comparison.changes[i];
      if (change.payoutWarning)
        issues.warning(result.source.sheet, result.source.cell, change.payoutWarning);
      return {
        ...result,
        previousStatus: change.previousStatus,
        previousPayout: change.previousPayout,
        changed: change.changed,
      };
    });
    run = { plan, inputs, comparedWith: comparison.basis?.run };
  }
  return {
    asOf: options.asOf,
    results,
    teams: rollUpTeams(results, adjusted.byTeam),
    issues: issues.issues,
    tables: summariseTables(found, rows),
    adjustments: [...adjusted.applied],
    run,
  };
}

function evaluateIndexed(
  target: Target,
  index: ObservationIndex,
  asOf: number,
  issues: IssueLog,
  curves: PayCurves
): TargetResult {
  const series = index.get(target.project, target.kpi);
  if (series) {
    const result = evaluateTarget(target, series, asOf, curves);
    if (result.status === "Invalid") {
      const cell = result.problemCell ?? target.targetCell;
      issues.error(cell.sheet, cell.cell, result.explanation);
    }
    return result;
  }
  const known = index.kpiNames(target.project);
  const hint =
    known.length > 0
      ? `; ${target.project} has observations for ${known.map((k) => `"${k}"`).join(", ")}`
      : index.hasProject(target.project)
        ? ""
        : `; no observation table names the project "${target.project}"`;
  const message = `KPI (${target.kpiCell.sheet}!${target.kpiCell.cell}): no observations for ${target.project} / ${target.kpi}${hint} — check the names in the Targets row and the observation table`;
  issues.error(target.kpiCell.sheet, target.kpiCell.cell, message);
  return invalidResult({ ...target, message });
}

function invalidResult(row: InvalidTarget | (Target & { message: string })): TargetResult {
  return {
    project: row.project,
    team: row.team,
    kpi: row.kpi,
    start: row.start ?? null,
    end: row.evaluation ? lastDay(row.evaluation) : null,
    baseline: null,
    actual: null,
    targetValue: null,
    change: null,
    projected: null,
    pace: null,
    adjustment: null,
    observations: null,
    previousStatus: null,
    previousPayout: null,
    changed: "",
    attainment: null,
    status: "Invalid",
    payout: 0,
    explanation: row.message,
    problem: row.message,
    source: row.source,
    weight: "weight" in row ? row.weight : 1,
    cap: "cap" in row ? row.cap : undefined,
  };
}

/** Evaluates one target against its series (SPEC §2–§4, §11, §12). */
export function evaluateTarget(
  target: Target,
  series: Series,
  asOf: number,
  curves: PayCurves = new Map()
): TargetResult {
  const evaluation = aggregateWindow(series, target.evaluation, target.aggregate);
  const baseline = measureBaseline(target.baseline, series, target.evaluation, target.aggregate);
  const A = evaluation.value;
  const B = baseline.value;
  const parsedGoal =
    B === null ? undefined : goalOf(target.targetType, target.target, B, target.direction);
  const goal: Goal | undefined = parsedGoal?.ok ? parsedGoal.value : undefined;
  const change = A !== null && B !== null ? changeOf(A, B) : null;
  const attainment =
    A !== null && B !== null && goal ? attainmentOf(A, B, goal, target.targetType) : null;

  const curve = target.payCurve ? findPayCurve(curves, target.payCurve.name) : undefined;
  let status: Status;
  if (parsedGoal && !parsedGoal.ok) status = "Invalid";
  else if (curve && !curve.ok) status = "Invalid";
  else if (asOf < target.evaluation.to) status = "Pending";
  else if (
    evaluation.count < target.minPoints ||
    (baseline.count !== undefined && baseline.count < target.minPoints)
  ) {
    status = "Insufficient data";
  } else status = A !== null && goal && isMet(A, goal) ? "Met" : "Missed";

  const reading = status === "Pending" && goal ? paceOf(series, target, goal, asOf) : undefined;
  const problem =
    parsedGoal && !parsedGoal.ok
      ? { message: parsedGoal.message, cell: target.targetCell, column: "Target" }
      : curve && !curve.ok && target.payCurve
        ? { message: curve.message, cell: target.payCurve.cell, column: "Pay curve" }
        : undefined;
  const explanation = problem
    ? `${target.kpi}${placeOf(problem.cell, problem.column)}: ${problem.message}.`
    : explain({
        kpi: target.kpi,
        aggregate: target.aggregate,
        evaluation: target.evaluation,
        actual: A,
        actualCount: evaluation.count,
        baseline: B,
        baselineWindow: baseline.window,
        baselineCount: baseline.count,
        scaledFromDays: baseline.scaledFromDays,
        change,
        targetType: target.targetType,
        target: target.target,
        goal,
        attainment,
        status,
        minPoints: target.minPoints,
        asOf,
        pace: reading,
      });
  const payout =
    curve?.ok && isDecided(status)
      ? attainment === null
        ? 0
        : target.reward * curvePayout(curve.value, attainment)
      : payoutOf(status, attainment, target);
  return {
    project: target.project,
    team: target.team,
    kpi: target.kpi,
    start: target.start,
    end: lastDay(target.evaluation),
    baseline: B,
    actual: A,
    targetValue: goal?.value ?? (target.targetType === "value" ? target.target : null),
    change,
    projected: reading?.projected ?? null,
    pace: reading?.pace ?? null,
    adjustment: null,
    observations: evaluation.count,
    previousStatus: null,
    previousPayout: null,
    changed: "",
    attainment,
    status,
    payout,
    explanation,
    problem: problem?.message,
    problemCell: problem?.cell,
    source: target.source,
    weight: target.weight,
    // A curve pays nothing more past its last point, so the Score caps attainment there (SPEC §12).
    cap: curve?.ok ? curveCap(curve.value) : target.cap,
  };
}

/** The pace of an open window, from the observations up to and including the as-of date (SPEC §11). */
function paceOf(series: Series, target: Target, goal: Goal, asOf: number) {
  const window = target.evaluation;
  const soFar = { from: window.from, to: Math.min(window.to, Math.floor(asOf) + 1) };
  const { first, end } = series.slice(soFar);
  const value = aggregateWindow(series, soFar, target.aggregate).value;
  if (value === null) return undefined;
  return measurePace(
    window,
    target.aggregate,
    goal,
    { count: end - first, sum: series.sum(first, end), value },
    asOf
  );
}

/** ` (Target, Targets!E5)`, or nothing where there is no cell (formula arguments). */
function placeOf(cell: CellRef, column: string): string {
  return cell.cell ? ` (${column}, ${cell.sheet}!${cell.cell})` : "";
}
