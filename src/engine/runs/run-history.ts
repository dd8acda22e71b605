import type { CellValue, Grid } from "../grid/cell";
import { cellText } from "../grid/cell";
import { DATE_1904_OFFSET, formatDay } from "../grid/date";
import { headerKey, nameKey } from "../grid/header";
import { STATUSES, needsReview, type Status } from "../rules/status";
import type { Parsed } from "../grid/parsed";
import { HISTORY_SHEET } from "../grid/workbook";
import { alreadyApproved, noRecordedRuns, noSuchRun } from "../messages";

/**
 * Run history and approval (SPEC §9): what the `KPI History` sheet holds, read back from its cells, and
 * the rules for adding a run and approving one. Writers lay the records out; this file decides them.
 */

export const RUNS_HEADER = [
  "Run",
  "As of",
  "Evaluated at",
  "Targets",
  "Met",
  "Missed",
  "Pending",
  "Review",
  "Total reward",
  "Inputs",
  "Approved by",
  "Approved at",
] as const;

/** SPEC's columns, then `Start` (a target is Project, KPI and Start) and the evaluation window's count. */
export const RUN_RESULTS_HEADER = [
  "Run",
  "Project",
  "KPI",
  "Team",
  "Status",
  "Baseline",
  "Actual",
  "Attainment",
  "Payout",
  "Start",
  "Observations",
] as const;

export interface RunRecord {
  readonly run: number;
  /** Whole-day serial, 1900 system. */
  readonly asOf: number;
  /** Date-time serial, 1900 system. */
  readonly evaluatedAt: number;
  readonly targets: number;
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  readonly review: number;
  readonly totalReward: number;
  readonly inputs: string;
  readonly approvedBy?: string;
  readonly approvedAt?: number;
}

/** One `KpiRunResults` row: a target as a run recorded it. */
export interface RunTargetRecord extends RunTarget {
  readonly run: number;
  readonly observations: number | null;
}

export interface RunHistory {
  readonly runs: readonly RunRecord[];
  readonly results: readonly RunTargetRecord[];
}

export const NO_HISTORY: RunHistory = { runs: [], results: [] };

/** What a run needs of each target result to be recorded and compared. */
export interface RunTarget {
  readonly project: string;
  readonly kpi: string;
  readonly team: string;
  readonly status: Status;
  readonly baseline: number | null;
  readonly actual: number | null;
  readonly attainment: number | null;
  readonly payout: number;
  readonly start: number | null;
  readonly observations?: number | null;
}

/**
 * Where a header row's columns are, when the row holds every one of `header`. Two tables may share
 * the row (KpiRuns and KpiRunResults side by side, both starting with `Run`): each first-name cell
 * starts a candidate, the other names are looked for from there on, and the tightest span wins.
 */
function columnsOf(row: readonly CellValue[], header: readonly string[]): number[] | undefined {
  const keys = row.map((cell) => headerKey(cellText(cell)));
  const wanted = header.map((name) => headerKey(name));
  let best: number[] | undefined;
  for (
    let start = keys.indexOf(wanted[0]);
    start >= 0;
    start = keys.indexOf(wanted[0], start + 1)
  ) {
    const columns = wanted.map((key, i) => (i === 0 ? start : keys.indexOf(key, start)));
    if (columns.some((c) => c < 0)) continue;
    const span = Math.max(...columns) - start;
    if (!best || span < Math.max(...best) - best[0]) best = columns;
  }
  return best;
}

/** The data rows under the first row holding `header`, up to the first blank row. */
function tableRows(values: Grid, header: readonly string[]): CellValue[][] {
  for (let r = 0; r < values.length; r++) {
    const columns = columnsOf(values[r] ?? [], header);
    if (!columns) continue;
    const rows: CellValue[][] = [];
    for (let d = r + 1; d < values.length; d++) {
      const row = values[d] ?? [];
      const picked = columns.map((c) => row[c] ?? null);
      if (picked.every((v) => v === null || v === "")) break;
      rows.push(picked);
    }
    return rows;
  }
  return [];
}

const numberOr = <T>(value: CellValue, otherwise: T): number | T =>
  typeof value === "number" && Number.isFinite(value) ? value : otherwise;

const textOr = (value: CellValue): string | undefined => {
  const text = cellText(value).trim();
  return text === "" ? undefined : text;
};

const dateIn = (date1904: boolean) => {
  const offset = date1904 ? DATE_1904_OFFSET : 0;
  return (value: CellValue) => {
    const serial = numberOr(value, undefined);
    return serial === undefined ? undefined : serial + offset;
  };
};

/**
 * KpiRuns rows, their cells in RUNS_HEADER's order, as run records (dates back in the 1900 system).
 * A row that is not a run (a blank Run or As of cell) is left out rather than guessed.
 */
export function runRecords(rows: readonly (readonly CellValue[])[], date1904 = false): RunRecord[] {
  const date = dateIn(date1904);
  const runs: RunRecord[] = [];
  for (const row of rows) {
    const run = numberOr(row[0], undefined);
    const asOf = date(row[1]);
    if (run === undefined || asOf === undefined) continue;
    runs.push({
      run,
      asOf,
      evaluatedAt: date(row[2]) ?? asOf,
      targets: numberOr(row[3], 0),
      met: numberOr(row[4], 0),
      missed: numberOr(row[5], 0),
      pending: numberOr(row[6], 0),
      review: numberOr(row[7], 0),
      totalReward: numberOr(row[8], 0),
      inputs: cellText(row[9]),
      approvedBy: textOr(row[10]),
      approvedAt: date(row[11]),
    });
  }
  return runs;
}

/** KpiRunResults rows, cells in RUN_RESULTS_HEADER's order; a blank Run or a status no version wrote is left out. */
export function runTargetRows(
  rows: readonly (readonly CellValue[])[],
  date1904 = false
): RunTargetRecord[] {
  const date = dateIn(date1904);
  const results: RunTargetRecord[] = [];
  for (const row of rows) {
    const run = numberOr(row[0], undefined);
    const status = STATUSES.find((s) => s === cellText(row[4]));
    if (run === undefined || !status) continue;
    results.push({
      run,
      project: cellText(row[1]),
      kpi: cellText(row[2]),
      team: cellText(row[3]),
      status,
      baseline: numberOr(row[5], null),
      actual: numberOr(row[6], null),
      attainment: numberOr(row[7], null),
      payout: numberOr(row[8], 0),
      start: date(row[9]) ?? null,
      observations: numberOr(row[10], null),
    });
  }
  return results;
}

/**
 * The runs recorded in a `KPI History` sheet's cells, found by their header rows wherever they are:
 * KpiRunResults beside KpiRuns (the layout written now) or under it (earlier versions).
 */
export function readRunHistory(values: Grid, date1904 = false): RunHistory {
  return {
    runs: runRecords(tableRows(values, RUNS_HEADER), date1904),
    results: runTargetRows(tableRows(values, RUN_RESULTS_HEADER), date1904),
  };
}

export function lastRun(history: RunHistory): RunRecord | undefined {
  return history.runs[history.runs.length - 1];
}

/** What an evaluation records: a new run, or nothing when it repeats the last run exactly. */
export type RunPlan =
  | { readonly kind: "new"; readonly run: number }
  | { readonly kind: "repeat"; readonly run: number };

/** Same as-of date and same inputs as the last run: nothing new to record (SPEC §9). */
export function planRun(history: RunHistory, asOf: number, inputs: string): RunPlan {
  const last = lastRun(history);
  if (last && last.asOf === asOf && last.inputs === inputs)
    return { kind: "repeat", run: last.run };
  const highest = history.runs.reduce((max, r) => Math.max(max, r.run), 0);
  return { kind: "new", run: highest + 1 };
}

/** The history as it stood before run `run` was recorded: its earlier runs and their results. */
export function runsBefore(history: RunHistory, run: number): RunHistory {
  return {
    runs: history.runs.filter((r) => r.run < run),
    results: history.results.filter((r) => r.run < run),
  };
}

/** The run's line in `KpiRuns`, counted from its target results. */
export function runRecord(
  run: number,
  asOf: number,
  evaluatedAt: number,
  inputs: string,
  targets: readonly RunTarget[]
): RunRecord {
  const count = (test: (status: Status) => boolean) => targets.filter((t) => test(t.status)).length;
  return {
    run,
    asOf,
    evaluatedAt,
    targets: targets.length,
    met: count((s) => s === "Met"),
    missed: count((s) => s === "Missed"),
    pending: count((s) => s === "Pending"),
    review: count(needsReview),
    totalReward: targets.reduce((sum, t) => sum + t.payout, 0),
    inputs,
  };
}

export function runTargetRecords(run: number, targets: readonly RunTarget[]): RunTargetRecord[] {
  return targets.map((t) => ({
    run,
    project: t.project,
    kpi: t.kpi,
    team: t.team,
    status: t.status,
    baseline: t.baseline,
    actual: t.actual,
    attainment: t.attainment,
    payout: t.payout,
    start: t.start,
    observations: t.observations ?? null,
  }));
}

/**
 * Which run to approve: `--run N`, else the last. Refused with the sentence the user sees when there is
 * no history, no such run, or the run is approved already (an approved run never changes).
 */
export function runToApprove(history: RunHistory, run?: number): Parsed<RunRecord> {
  const last = lastRun(history);
  if (!last) return { ok: false, message: noRecordedRuns(HISTORY_SHEET) };
  const chosen = run === undefined ? last : history.runs.find((r) => r.run === run);
  if (!chosen) {
    return { ok: false, message: noSuchRun(run!, history.runs[0].run, last.run) };
  }
  if (chosen.approvedBy !== undefined) {
    const on =
      chosen.approvedAt === undefined ? undefined : formatDay(Math.floor(chosen.approvedAt));
    return { ok: false, message: alreadyApproved(chosen.run, chosen.approvedBy, on) };
  }
  return { ok: true, value: chosen };
}

/** The run results compare with: the last approved run, else the last run (SPEC §9). */
export function comparisonRun(history: RunHistory): RunRecord | undefined {
  for (let i = history.runs.length - 1; i >= 0; i--)
    if (history.runs[i].approvedBy !== undefined) return history.runs[i];
  return lastRun(history);
}

/**
 * The runs whose results an evaluation as of `asOf` compares with: the last approved run, else the
 * last; when the as-of date is the last run's, the evaluation may repeat that run and then compares
 * with the runs before it, so their compared run too. Without an as-of date, both. Readers that take
 * only some results from KPI History (the CLI's pieces, the add-in's blocks) take these runs'.
 */
export function comparedRuns(runs: readonly RunRecord[], asOf?: number): Set<number> {
  const history = { runs, results: [] };
  const wanted = new Set<number>();
  const basis = comparisonRun(history);
  if (basis) wanted.add(basis.run);
  const last = lastRun(history);
  if (last && (asOf === undefined || last.asOf === asOf)) {
    const before = comparisonRun(runsBefore(history, last.run));
    if (before) wanted.add(before.run);
  }
  return wanted;
}

/** A target is its Project, KPI and Start. */
export function runTargetKey(target: {
  project: string;
  kpi: string;
  start: number | null;
}): string {
  return `${nameKey(target.project)}\u0000${nameKey(target.kpi)}\u0000${target.start ?? ""}`;
}
