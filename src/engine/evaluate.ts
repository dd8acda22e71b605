import type { CellRef } from "./address";
import { aggregateWindow } from "./aggregate";
import { measureBaseline } from "./baseline";
import {
  attainment as attainmentOf,
  change as changeOf,
  goal as goalOf,
  isMet,
  type Goal,
} from "./attainment";
import { CellReader } from "./cell-reader";
import { explain } from "./explanation";
import { IssueLog, type Issue } from "./issue";
import { readObservations, type ObservationIndex } from "./observations";
import { payout as payoutOf } from "./payout";
import type { Series } from "./series";
import type { Status } from "./status";
import {
  findTables,
  summariseTables,
  type FoundTable,
  type FoundTables,
  type TableSummary,
} from "./tables";
import { missingTargetColumns, readTargetRow, type InvalidTarget, type Target } from "./target";
import { rollUpTeams, type TeamMember, type TeamResult } from "./team";
import { lastDay } from "./window";
import type { WorkbookGrid } from "./workbook";

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
  readonly explanation: string;
  /** Why an Invalid row is Invalid, without the KPI and cell the explanation adds. */
  readonly problem?: string;
  readonly source: CellRef;
}

export interface Evaluation {
  readonly asOf: number;
  readonly results: TargetResult[];
  readonly teams: TeamResult[];
  readonly issues: Issue[];
  readonly tables: TableSummary[];
}

export interface EvaluateOptions {
  /** The evaluation date as a whole-day serial: it decides Pending, nothing else. */
  readonly asOf: number;
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
  const results: TargetResult[] = [];
  const rows = new Map<FoundTable, number>(index.rows);
  for (const table of found.targets) {
    const tableProblem = missingTargetColumns(table, issues);
    const before = results.length;
    for (let row = table.view.firstDataRow; row < table.view.endRow; row++) {
      if (table.view.isBlankRow(row)) continue;
      const parsed = readTargetRow(table, row, reader, issues, tableProblem);
      results.push(
        parsed.ok
          ? evaluateIndexed(parsed.target, index, options.asOf, issues)
          : invalidResult(parsed.invalid)
      );
    }
    rows.set(table, results.length - before);
  }
  return {
    asOf: options.asOf,
    results,
    teams: rollUpTeams(results),
    issues: issues.issues,
    tables: summariseTables(found, rows),
  };
}

function evaluateIndexed(
  target: Target,
  index: ObservationIndex,
  asOf: number,
  issues: IssueLog
): TargetResult {
  const series = index.get(target.project, target.kpi);
  if (series) {
    const result = evaluateTarget(target, series, asOf);
    if (result.status === "Invalid") {
      issues.error(target.targetCell.sheet, target.targetCell.cell, result.explanation);
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

/** Evaluates one target against its series (SPEC §2–§4). */
export function evaluateTarget(target: Target, series: Series, asOf: number): TargetResult {
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

  let status: Status;
  if (parsedGoal && !parsedGoal.ok) status = "Invalid";
  else if (asOf < target.evaluation.to) status = "Pending";
  else if (
    evaluation.count < target.minPoints ||
    (baseline.count !== undefined && baseline.count < target.minPoints)
  ) {
    status = "Insufficient data";
  } else status = A !== null && goal && isMet(A, goal) ? "Met" : "Missed";

  const explanation =
    parsedGoal && !parsedGoal.ok
      ? `${target.kpi}${placeOf(target.targetCell, "Target")}: ${parsedGoal.message}.`
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
        });
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
    attainment,
    status,
    payout: payoutOf(status, attainment, target),
    explanation,
    problem: parsedGoal && !parsedGoal.ok ? parsedGoal.message : undefined,
    source: target.source,
    weight: target.weight,
    cap: target.cap,
  };
}

/** ` (Target, Targets!E5)`, or nothing where there is no cell (formula arguments). */
function placeOf(cell: CellRef, column: string): string {
  return cell.cell ? ` (${column}, ${cell.sheet}!${cell.cell})` : "";
}
