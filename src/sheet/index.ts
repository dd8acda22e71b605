/**
 * What every host writes or shows, laid out once: the results sheet, the history sheet, the demo
 * workbook, status tones, the summary sentence, the ownership rule and the messages hosts print.
 * Adapters import only from here (lint enforces it); writers render these layouts and decide nothing.
 */

// The sheets KPI Rewards writes, and whose they are.
export { HISTORY_SHEET, RESULTS_SHEET, sameSheetName } from "../engine/grid/workbook";
export type { DefinedName } from "./ownership";
export {
  isLegacyOwnerName,
  isOwnedSheet,
  OWNER_NAME,
  ownerReference,
  quotedSheetName,
  referencedSheet,
} from "./ownership";

// Layouts every writer renders.
export type { SheetColumn, SheetLayout, SheetLine } from "./sheet-layout";
export type { PrintSetup, ResultsSheet } from "./results-sheet";
export { resultsSheet } from "./results-sheet";
export type { HistorySheet } from "./history-sheet";
export type { PortfolioSummary, PortfolioWorkbook, WorkbookSummary } from "./portfolio-summary";
export {
  isEvaluated,
  portfolioSummary,
  portfolioTotals,
  workbookSummary,
} from "./portfolio-summary";
export { failedTable, PORTFOLIO_TITLE, portfolioSheet } from "./portfolio-sheet";
export { historySheet, RUN_RESULTS_LEFT } from "./history-sheet";
export type { OutputTable } from "./output-tables";
export { bodyRows, issuesTable, RESULTS_HEADER, resultsTable, teamsTable } from "./output-tables";
export type { ColumnFormat } from "./column-format";
export { NUMBER_FORMATS, writableValue } from "./column-format";
export { widthInPoints, wrappedLines } from "./column-widths";
export type { Look } from "./line-looks";
export { cellLook, lineLook } from "./line-looks";
export { inDateSystem, rowInDateSystem, workbookSerial } from "./date-system";
export { cutToCellLimit, overlongTextIssues } from "./cell-text-limit";
export type { SampleSheet } from "./sample";
export { SAMPLE_AS_OF, sampleWorkbook } from "./sample";

// How results look and read in every host.
export type { Tone, ToneLabel } from "./status-tones";
export {
  ATTAINMENT_BAR_COLOUR,
  ATTAINMENT_BAR_RANGE,
  HIGHLIGHT_LABELS,
  sheetColours,
  STATUS_TONES,
} from "./status-tones";
export { resultsSummary, targetCounts, targetsSentence } from "./results-summary";
export { missingTableMessage } from "./missing-table";
export { formatDay, formatIsoDate, formatTimestamp } from "../engine/grid/date";
export {
  formatAmount,
  formatMoney,
  formatWholePercent,
  formatWindow,
} from "../engine/rules/explanation";
export { formatSignedMoney } from "../engine/rules/adjustment";
export { runDescription, runLine } from "./run-description";
