import {
  type CellValue,
  runRecords,
  RUN_RESULTS_HEADER,
  RUNS_HEADER,
  type RunRecord,
} from "../engine";
import { RUN_RESULTS_LEFT } from "../sheet";

/**
 * Where a new run goes in a `KPI History` sheet of today's layout (src/sheet/history-sheet.ts): KpiRuns
 * from A1, KpiRunResults from N1, both headed on row 1 and growing downward. Such a sheet is read in
 * part (KpiRuns and the compared runs' rows; the results' Run column only when the runs' Targets do
 * not place them, read.ts) and a run is appended to it (history-append.ts) instead of the whole
 * history being written again.
 */
export interface HistoryPlace {
  /** The sheet's name as the workbook spells it. */
  readonly sheet: string;
  /** The tables' names (a name taken elsewhere in the workbook gets a number: KpiRuns2). */
  readonly runsTable: string;
  readonly resultsTable: string;
  /** KpiRuns rows under the header up to the last one holding a run: the new run's line goes under them. */
  readonly runRows: number;
  /**
   * KpiRunResults rows under the header up to the last one of a recorded run. Rows after it belong to
   * no run in KpiRuns (a run that stopped before its commit): they count for nothing and are written over.
   */
  readonly resultRows: number;
  /** KpiRunResults' rows under the header as the table stood when read: a rollback puts it back so. */
  readonly resultsTableRows: number;
  /** The sheet's rows in use, from row 1: leftovers below the tables end there. */
  readonly usedRows: number;
}

/** A table of the history sheet as Excel describes it (0-based header row and column). */
export interface HistoryTable {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly hasHeaderRow: boolean;
  readonly totalsRowCount: number;
}

/** The two tables when they sit where today's layout puts them, else undefined (an older layout). */
export function todaysTables(
  tables: readonly HistoryTable[]
): { runs: HistoryTable; results: HistoryTable } | undefined {
  const plain = (t: HistoryTable) => t.hasHeaderRow && t.totalsRowCount === 0 && t.rowCount >= 2;
  const runs = tables.find((t) => /^KpiRuns\d*$/i.test(t.name));
  const results = tables.find((t) => /^KpiRunResults\d*$/i.test(t.name));
  if (!runs || !results || !plain(runs) || !plain(results)) return undefined;
  const at = (t: HistoryTable, left: number, columns: number) =>
    t.top === 0 && t.left === left && t.columnCount === columns;
  return at(runs, 0, RUNS_HEADER.length) && at(results, RUN_RESULTS_LEFT, RUN_RESULTS_HEADER.length)
    ? { runs, results }
    : undefined;
}

/** KpiRuns rows under the header up to the last one holding a run (a blank or broken row is not one). */
export function recordedRunRows(rows: readonly (readonly CellValue[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (runRecords([rows[i]]).length === 1) return i + 1;
  return 0;
}

/** KpiRunResults rows (0-based under the header) up to the last one whose Run is a recorded run. */
export function recordedResultRows(
  runCells: readonly CellValue[],
  runs: readonly RunRecord[]
): number {
  const recorded = new Set(runs.map((r) => r.run));
  for (let i = runCells.length - 1; i >= 0; i--) {
    const run = runCells[i];
    if (typeof run === "number" && recorded.has(run)) return i + 1;
  }
  return 0;
}

/** The stretches of consecutive rows among the first `end` whose Run is one of `wanted`. */
export function runSpans(
  runCells: readonly CellValue[],
  wanted: ReadonlySet<number>,
  end: number
): { first: number; rows: number }[] {
  const spans: { first: number; rows: number }[] = [];
  for (let i = 0; i < end; i++) {
    const run = runCells[i];
    if (typeof run !== "number" || !wanted.has(run)) continue;
    const last = spans[spans.length - 1];
    if (last && last.first + last.rows === i) last.rows++;
    else spans.push({ first: i, rows: 1 });
  }
  return spans;
}

/**
 * Where each run's rows are when KpiRunResults holds them as the writers put them: the runs' rows in
 * turn, as many as each run's Targets. Undefined when the table's length says otherwise (rows added or
 * removed by hand, a run stopped before its commit): the Run column then says where they are.
 */
export function runBlocks(
  runs: readonly RunRecord[],
  tableRows: number
): Map<number, { first: number; rows: number }> | undefined {
  const blocks = new Map<number, { first: number; rows: number }>();
  let first = 0;
  for (const run of runs) {
    blocks.set(run.run, { first, rows: run.targets });
    first += run.targets;
  }
  return first > 0 && first === tableRows ? blocks : undefined;
}
