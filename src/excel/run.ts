import {
  type CellRef,
  evaluateTables,
  type Evaluation,
  localTimeSerial,
  parseIsoDate,
  type RecordedRun,
  recordedRun,
  type RunHistory,
  type RunRecord,
  summariseTables,
  type TableSummary,
  todaySerial,
  type Trend,
  trendFinder,
} from "../engine";
import {
  formatTimestamp,
  historySheet,
  type HistorySheet,
  missingTableMessage,
  resultsSheet,
} from "../sheet";
import { chooseTables, type ChosenRange } from "./choice";
import { readWorkbook, type ReadOptions, type WorkbookRead } from "./read";
import type { HistoryAppend } from "./history-append";
import type { PaneSettings } from "./settings";
import { writeResults } from "./write";
import { emptySelection, headerOnlySelection } from "./messages";

export type Stage = "Reading the workbook" | "Evaluating targets" | "Writing the KPI Rewards sheet";

export class NoTablesError extends Error {}

/** An evaluation as written, with the run it is in the workbook's history (SPEC §9). */
export interface RecordedEvaluation extends Evaluation {
  /** The run just recorded, or the earlier run it repeats (with its approval, if any). */
  readonly record?: RunRecord;
}

export function asOfOf(settings: PaneSettings): number {
  return settings.asOfMode === "fixed" && settings.asOf
    ? (parseIsoDate(settings.asOf) ?? todaySerial())
    : todaySerial();
}

/**
 * Read grid and run history → evaluate → write the results with the history: the whole month-end run,
 * shared by the pane and the ribbon button.
 * `runOptions` go to Excel.run; `reading` reports the read's progress and can cancel it between chunks, before anything is written.
 */
export async function evaluateInExcel(
  settings: PaneSettings,
  onStage: (stage: Stage) => void = () => undefined,
  runOptions: Excel.RunOptions = {},
  onTrends: (trendOf: (source: CellRef) => Trend | undefined) => void = () => undefined,
  reading: ReadOptions = {}
): Promise<RecordedEvaluation> {
  return Excel.run(runOptions, async (context) => {
    onStage("Reading the workbook");
    const asOf = asOfOf(settings);
    const workbook = await readWorkbook(context, { ...reading, history: true, asOf });
    onStage("Evaluating targets");
    const found = chooseTables(workbook, settings);
    const history = workbook.history ?? { runs: [], results: [] };
    const evaluation = evaluateTables(found, { asOf, history }, workbook.date1904);
    const missing = missingTableMessage(evaluation.tables);
    if (missing) throw new NoTablesError(missing);
    // Trends are worked out from the same tables, and only when the pane asks for one.
    onTrends(trendFinder(found, workbook.date1904 ?? false, evaluation.asOf));
    onStage("Writing the KPI Rewards sheet");
    const now = new Date();
    const laid = resultsSheet(evaluation, formatTimestamp(now), workbook.date1904 ?? false);
    const recorded = recordedRun(history, evaluation, localTimeSerial(now));
    await writeResults(context, laid, historyToWrite(workbook, history, recorded));
    return { ...evaluation, record: recorded.record };
  });
}

/**
 * What the write records: a new run appended to a history read in part (which must never be written
 * whole: it holds only the compared runs' results), else the whole history laid out again; runs read
 * from a stopped swap's sheet are written back in place even when nothing is new.
 */
function historyToWrite(
  workbook: WorkbookRead,
  history: RunHistory,
  recorded: RecordedRun
): HistorySheet | HistoryAppend | undefined {
  if (recorded.history && recorded.record && workbook.historyPlace)
    return {
      place: workbook.historyPlace,
      record: recorded.record,
      results: recorded.history.results.slice(history.results.length),
    };
  const whole = recorded.history ?? (workbook.historyStrayed ? history : undefined);
  return whole && historySheet(whole);
}

/** Selects a cell, e.g. a target's row or an issue's cell. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  });
}

/** The selected range, for "use the selection as Targets". */
export async function selectedRange(): Promise<ChosenRange> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    // Only the size of the part holding values: a whole-column selection must not load a million cells.
    const used = range.getUsedRangeOrNullObject(true);
    used.load("rowCount");
    await context.sync();
    if (used.isNullObject) throw new Error(emptySelection(range.address));
    if (used.rowCount < 2) throw new Error(headerOnlySelection(range.address));
    const bang = range.address.lastIndexOf("!");
    return {
      sheet: range.address
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'"),
      address: range.address.slice(bang + 1),
    };
  });
}

/** The tables the engine would find, without evaluating or writing: what the pane shows first. */
export async function findInExcel(settings: PaneSettings): Promise<TableSummary[]> {
  return Excel.run(async (context) => {
    return summariseTables(chooseTables(await readWorkbook(context), settings));
  });
}
