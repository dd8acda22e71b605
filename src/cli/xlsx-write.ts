import { mkdir, rename, rm, writeFile } from "fs/promises";
import path from "path";
import ExcelJS from "exceljs";
import { NUMBER_FORMATS, sampleWorkbook, type ResultsSheet } from "../engine";
import { addResultsSheet, ForeignSheetError } from "./xlsx-package";
import { InputError } from "./xlsx-read";

export { ForeignSheetError };

/** Writes through a temporary file beside the target and renames it, so a crash never leaves half a workbook. */
async function writeAtomically(
  write: (temporary: string) => Promise<void>,
  target: string
): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await write(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes the input workbook's bytes with the results sheet added (to the input's own path with --in-place). */
export async function writeResultsWorkbook(
  input: Buffer,
  output: string,
  results: ResultsSheet
): Promise<void> {
  let packaged: Buffer;
  try {
    packaged = await addResultsSheet(input, results);
  } catch (error) {
    if (error instanceof ForeignSheetError) throw error;
    throw new InputError(
      `cannot be read as a workbook (${(error as Error).message.split("\n")[0]})`
    );
  }
  await writeAtomically((temporary) => writeFile(temporary, packaged), output);
}

/** The demo workbook: the engine's sample sheets as Excel tables with their formats. */
export async function writeSampleWorkbook(output: string): Promise<void> {
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
  await writeAtomically((temporary) => workbook.xlsx.writeFile(temporary), output);
}
