import {
  evaluateTables,
  formatTimestamp,
  missingTable,
  parseIsoDate,
  resultsSheet,
  summariseTables,
  todaySerial,
  type Evaluation,
  type TableSummary,
} from "../engine";
import { chooseTables, type ChosenRange } from "./choice";
import { readWorkbook } from "./read";
import type { PaneSettings } from "./settings";
import { writeResults } from "./write";

export type Stage = "Reading the workbook" | "Evaluating targets" | "Writing the KPI Rewards sheet";

export class NoTablesError extends Error {}

export function asOfOf(settings: PaneSettings): number {
  return settings.asOfMode === "fixed" && settings.asOf
    ? (parseIsoDate(settings.asOf) ?? todaySerial())
    : todaySerial();
}

/** Read grid → evaluate → write: the whole month-end run, shared by the pane and the ribbon button. */
export async function evaluateInExcel(
  settings: PaneSettings,
  onStage: (stage: Stage) => void = () => undefined,
  runOptions: Excel.RunOptions = {}
): Promise<Evaluation> {
  return Excel.run(runOptions, async (context) => {
    onStage("Reading the workbook");
    const workbook = await readWorkbook(context);
    onStage("Evaluating targets");
    const found = chooseTables(workbook, settings);
    const evaluation = evaluateTables(found, { asOf: asOfOf(settings) }, workbook.date1904);
    const missing = missingTable(evaluation.tables);
    if (missing === "targets") {
      throw new NoTablesError(
        "No Targets table was found: add a table whose header row has Project, KPI, Start, Window (or End) and Target, or pick one from the selection."
      );
    }
    if (missing === "observations") {
      throw new NoTablesError(
        "No observations were found: add a table with Project, KPI, Date, Value, or a sheet with a Date column and one column per KPI."
      );
    }
    onStage("Writing the KPI Rewards sheet");
    await writeResults(context, resultsSheet(evaluation, formatTimestamp(new Date())));
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
    await context.sync();
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
