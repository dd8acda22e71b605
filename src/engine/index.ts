/**
 * The KPI evaluation engine's face: grids of cell values in, plain result records out. Adapters import
 * only from here (lint enforces it); the wings below read one way, grid → series → rules → runs, with
 * evaluate.ts, single-target.ts and trend.ts on top.
 */

// Read grid: what a host hands in.
export type { CellRef } from "./grid/address";
export { cellAddress, columnName, parseRangeAddress } from "./grid/address";
export type { CellValue, Grid } from "./grid/cell";
export { cellKind, cellText } from "./grid/cell";
export { parsePercentText } from "./grid/cell-reader";
export {
  DATE_1904_OFFSET,
  localTimeSerial,
  parseIsoDate,
  serialFromCivil,
  todaySerial,
} from "./grid/date";
export type { Issue } from "./grid/issue";
export type { Parsed } from "./grid/parsed";
export type { SheetGrid, TableArea, WorkbookGrid } from "./grid/workbook";

// Recognise tables.
export type { FoundTables, TableSummary } from "./grid/tables";
export { findTables, summariseTables, TABLE_KIND_LABELS } from "./grid/tables";

// Evaluate a workbook, and the records it gives.
export type { Evaluation, RunOutcome, TargetResult } from "./evaluate";
export type { AppliedAdjustment } from "./rules/adjustment";
export { evaluateTables, evaluateWorkbook } from "./evaluate";
export type { Status } from "./rules/status";
export type { Eligibility, TeamResult } from "./rules/team";
export type { Pace } from "./rules/pace";
export type { Trend } from "./trend";
export { trendFinder } from "./trend";

// Evaluate one target over a series: the single-target formulas' one entry. It reads their arguments
// (series, windows, aggregate, target type) by the Targets-row rules and words what it refuses.
export type { SingleTargetInput } from "./single-target";
export {
  attainmentPayout,
  evaluateSingleTarget,
  measureSingleTarget,
  measureWindow,
  payCurveFraction,
  singleTargetSeries,
  windowEnd,
} from "./single-target";
export { shownArgument } from "./messages";
export type { Series } from "./series/series";
export type { Window } from "./series/window";

// Run history (SPEC §9): what KPI History holds, read back by its headers, and the rules for runs.
export { headerKey, isHeaderRow } from "./grid/header";
export type { RunHistory, RunPlan, RunRecord, RunTargetRecord } from "./runs/run-history";
export {
  comparedRuns,
  NO_HISTORY,
  readRunHistory,
  runRecord,
  runRecords,
  RUN_RESULTS_HEADER,
  RUNS_HEADER,
  runTargetRecords,
  runTargetRows,
  runToApprove,
} from "./runs/run-history";
export type { RecordedRun } from "./recorded-run";
export { recordedRun } from "./recorded-run";
