import { HISTORY_SHEET } from "../engine/grid/workbook";
import {
  RUNS_HEADER,
  RUN_RESULTS_HEADER,
  type RunHistory,
  type RunRecord,
  type RunTargetRecord,
} from "../engine/runs/run-history";
import type { CellValue } from "../engine/grid/cell";
import type { ColumnFormat } from "./column-format";
import { inDateSystem } from "./date-system";
import type { OutputTable } from "./output-tables";
import type { SheetLayout } from "./sheet-layout";

/**
 * The `KPI History` sheet (SPEC §9), laid out from the engine's run records for every writer: KpiRuns
 * from A1 and KpiRunResults beside it after one blank column, both headed on row 1 and each growing
 * downward, so recording a run adds cells and moves none (earlier versions put KpiRunResults under
 * KpiRuns, where every new run pushed all results down; the engine reads both). The engine reads the
 * sheet back by its header rows (run-history.ts), so the headers are the engine's and only the layout
 * lives here.
 */
export interface HistorySheet extends SheetLayout {
  readonly name: typeof HISTORY_SHEET;
}

export const RUNS_FORMATS: Record<(typeof RUNS_HEADER)[number], ColumnFormat> = {
  Run: "count",
  "As of": "date",
  "Evaluated at": "datetime",
  Targets: "count",
  Met: "count",
  Missed: "count",
  Pending: "count",
  Review: "count",
  "Total reward": "money",
  Inputs: "text",
  "Approved by": "text",
  "Approved at": "datetime",
};

export const RUN_RESULTS_FORMATS: Record<(typeof RUN_RESULTS_HEADER)[number], ColumnFormat> = {
  Run: "count",
  Project: "text",
  KPI: "text",
  Team: "text",
  Status: "text",
  Baseline: "number",
  Actual: "number",
  Attainment: "percent",
  Payout: "money",
  Start: "date",
  Observations: "count",
};

const blank = <T>(value: T | null | undefined): T | null => value ?? null;

export function runsTable(runs: readonly RunRecord[]): OutputTable {
  return {
    name: "KpiRuns",
    header: RUNS_HEADER,
    formats: RUNS_HEADER.map((name) => RUNS_FORMATS[name]),
    rows: runs.map((r): CellValue[] => [
      r.run,
      r.asOf,
      r.evaluatedAt,
      r.targets,
      r.met,
      r.missed,
      r.pending,
      r.review,
      r.totalReward,
      r.inputs,
      blank(r.approvedBy),
      blank(r.approvedAt),
    ]),
    highlights: [],
  };
}

export function runResultsTable(results: readonly RunTargetRecord[]): OutputTable {
  return {
    name: "KpiRunResults",
    header: RUN_RESULTS_HEADER,
    formats: RUN_RESULTS_HEADER.map((name) => RUN_RESULTS_FORMATS[name]),
    rows: results.map((r): CellValue[] => [
      r.run,
      r.project,
      r.kpi,
      r.team,
      r.status,
      r.baseline,
      r.actual,
      r.attainment,
      r.payout,
      r.start,
      r.observations,
    ]),
    highlights: [{ column: RUN_RESULTS_HEADER.indexOf("Status"), highlight: "status" }],
  };
}

/** Wide enough for a 32-character fingerprint in Inputs; names and dates like the results sheet's. */
function widthOf(name: string): number {
  return name === "Inputs" ? 34 : name.length <= 6 ? 12 : 16;
}

/** 0-based column where KpiRunResults starts: after KpiRuns and one blank column (N). */
export const RUN_RESULTS_LEFT = RUNS_HEADER.length + 1;

/** The whole history as one sheet, dates in the workbook's system; runs are appended by laying it out again. */
export function historySheet(history: RunHistory, date1904 = false): HistorySheet {
  const runs = runsTable(history.runs);
  const results = runResultsTable(history.results);
  const columnCount = RUN_RESULTS_LEFT + RUN_RESULTS_HEADER.length;
  const laid: HistorySheet = {
    name: HISTORY_SHEET,
    lines: [],
    tables: [
      { table: runs, top: 0, left: 0 },
      { table: results, top: 0, left: RUN_RESULTS_LEFT },
    ],
    columns: Array.from({ length: columnCount }, (_, i) => ({
      width:
        i < RUNS_HEADER.length
          ? widthOf(RUNS_HEADER[i])
          : i < RUN_RESULTS_LEFT
            ? 3
            : widthOf(RUN_RESULTS_HEADER[i - RUN_RESULTS_LEFT]),
      wrap: false,
    })),
    frozenRows: 1,
    date1904: false,
  };
  return inDateSystem(laid, date1904);
}
