import {
  type CellRef,
  evaluateTables,
  type Evaluation,
  parseIsoDate,
  summariseTables,
  type TableSummary,
  todaySerial,
  type Trend,
  trendFinder,
} from "../engine";
import { formatTimestamp, missingTableMessage, resultsSheet } from "../sheet";
import { chooseTables, type ChosenRange } from "./choice";
import { readWorkbook, type ReadOptions } from "./read";
import type { PaneSettings } from "./settings";
import { writeResults } from "./write";

export type Stage = "Reading the workbook" | "Evaluating targets" | "Writing the KPI Rewards sheet";

export class NoTablesError extends Error {}

export function asOfOf(settings: PaneSettings): number {
  return settings.asOfMode === "fixed" && settings.asOf
    ? (parseIsoDate(settings.asOf) ?? todaySerial())
    : todaySerial();
}

/**
 * Read grid → evaluate → write: the whole month-end run, shared by the pane and the ribbon button.
 * `runOptions` go to Excel.run; `reading` reports the read's progress and can cancel it between chunks, before anything is written.
 */
export async function evaluateInExcel(
  settings: PaneSettings,
  onStage: (stage: Stage) => void = () => undefined,
  runOptions: Excel.RunOptions = {},
  onTrends: (trendOf: (source: CellRef) => Trend | undefined) => void = () => undefined,
  reading: ReadOptions = {}
): Promise<Evaluation> {
  return Excel.run(runOptions, async (context) => {
    onStage("Reading the workbook");
    const workbook = await readWorkbook(context, reading);
    onStage("Evaluating targets");
    const found = chooseTables(workbook, settings);
    const evaluation = evaluateTables(found, { asOf: asOfOf(settings) }, workbook.date1904);
    const missing = missingTableMessage(evaluation.tables);
    if (missing) throw new NoTablesError(missing);
    // Trends are worked out from the same tables, and only when the pane asks for one.
    onTrends(trendFinder(found, workbook.date1904 ?? false, evaluation.asOf));
    onStage("Writing the KPI Rewards sheet");
    const laid = resultsSheet(evaluation, formatTimestamp(new Date()), workbook.date1904 ?? false);
    await writeResults(context, laid);
    return evaluation;
  });
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
    if (used.isNullObject)
      throw new Error(
        `The selection ${range.address} is empty. Select a table: its header row and the rows under it.`
      );
    if (used.rowCount < 2)
      throw new Error(
        `The selection ${range.address} has a header row but no data under it. Select the header row and the rows under it.`
      );
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
