import path from "path";
import { NUMBER_FORMATS, type ResultsSheet, sampleWorkbook } from "../sheet";
import { writeOutput, type OutputPlan } from "./output-file";
import {
  addOwnedSheets,
  ForeignSheetError,
  type OwnedSheet,
  resultsSheetPart,
  type WorkbookPackage,
} from "./xlsx-package";

export { ForeignSheetError };

/**
 * Writes the input package with the results sheet added to the planned file (the input with
 * --in-place), and the `KPI History` sheet when a run is recorded: both sheets in one package, written to a
 * temporary file and renamed, so a failure anywhere leaves the file as it was.
 */
export async function writeResultsWorkbook(
  input: WorkbookPackage,
  plan: OutputPlan,
  results: ResultsSheet,
  history?: OwnedSheet
): Promise<void> {
  const sheets = [resultsSheetPart(results), ...(history ? [history] : [])];
  const packaged = await addOwnedSheets(input, sheets, { extension: path.extname(plan.path) });
  await writeOutput(plan, packaged);
}

/** The demo workbook: the engine's sample sheets as Excel tables with their formats. */
export async function writeSampleWorkbook(plan: OutputPlan): Promise<void> {
  // Loaded here, not at start-up: exceljs takes about 0.3 s to load, which `evaluate` never needs.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kpi-rewards";
  for (const sample of sampleWorkbook()) {
    const sheet = workbook.addWorksheet(sample.name);
    const [header, ...rows] = sample.values;
    sheet.addTable({
      name: sample.table,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: header.map((name) => ({ name: String(name), filterButton: true })),
      rows: rows.map((row) =>
        row.map((value) =>
          value === null || value === undefined || typeof value === "object" ? null : value
        )
      ),
    });
    sample.formats.forEach((format, column) => {
      for (let r = 0; r < rows.length; r++)
        sheet.getCell(r + 2, column + 1).numFmt = NUMBER_FORMATS[format];
      sheet.getColumn(column + 1).width = format === "text" ? 20 : 14;
    });
  }
  await writeOutput(plan, Buffer.from(await workbook.xlsx.writeBuffer()));
}
