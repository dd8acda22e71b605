import { rename, rm } from "fs/promises";
import path from "path";
import ExcelJS from "exceljs";
import {
  ATTAINMENT_BAR_COLOUR,
  columnName,
  DATE_1904_OFFSET,
  NUMBER_FORMATS,
  OWNER_NAME,
  RESULTS_SHEET,
  sampleWorkbook,
  STATUS_COLOURS,
  type CellValue,
  type ColumnFormat,
  type OutputTable,
  type ResultsSheet,
} from "../engine";
import { InputError } from "./xlsx-read";

/** The sheet exists and is the user's: nothing is written. */
export class ForeignSheetError extends Error {}

const argb = (hex: string) => ({ argb: `FF${hex.replace("#", "").toUpperCase()}` });

/** Writes through a temporary file beside the target and renames it, so a crash never leaves half a workbook. */
async function writeAtomically(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function cellOut(value: CellValue, format: ColumnFormat, date1904: boolean): ExcelJS.CellValue {
  if (value === null || value === undefined || typeof value === "object") return null;
  // The engine's dates are 1900-system serials; a 1904 workbook stores them 1462 days smaller.
  if (format === "date" && typeof value === "number" && date1904) return value - DATE_1904_OFFSET;
  return value;
}

function writeTable(
  sheet: ExcelJS.Worksheet,
  table: OutputTable,
  top: number,
  date1904: boolean
): void {
  const rows = table.rows.length > 0 ? table.rows : [table.header.map(() => null)];
  const headerRow = top + 1;
  sheet.addTable({
    name: table.name,
    ref: `A${headerRow}`,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: table.header.map((name) => ({ name, filterButton: true })),
    rows: rows.map((row) =>
      row.map((value, column) => cellOut(value, table.formats[column], date1904))
    ),
  });
  table.formats.forEach((format, column) => {
    for (let r = 0; r < rows.length; r++)
      sheet.getCell(headerRow + 1 + r, column + 1).numFmt = NUMBER_FORMATS[format];
  });
  const bodyTop = headerRow + 1;
  const bodyBottom = headerRow + rows.length;
  for (const { column, highlight } of table.highlights) {
    const letter = columnName(column);
    const ref = `${letter}${bodyTop}:${letter}${bodyBottom}`;
    if (highlight === "attainment") {
      sheet.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "dataBar",
            priority: 1,
            cfvo: [
              { type: "num", value: 0 },
              { type: "num", value: 1.5 },
            ],
            color: argb(ATTAINMENT_BAR_COLOUR),
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
      continue;
    }
    const labels =
      highlight === "status"
        ? (["Met", "Missed", "Pending", "Insufficient data", "Invalid"] as const)
        : (["Yes", "No", "Pending", "Review"] as const);
    sheet.addConditionalFormatting({
      ref,
      rules: labels.map((label, i) => ({
        type: "cellIs",
        operator: "equal",
        priority: i + 1,
        formulae: [`"${label}"`],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: argb(STATUS_COLOURS[label].fill) },
          font: { color: argb(STATUS_COLOURS[label].font) },
        },
      })),
    });
  }
}

function ownsResultsSheet(workbook: ExcelJS.Workbook): boolean {
  const ranges = workbook.definedNames.getRanges(OWNER_NAME)?.ranges ?? [];
  return ranges.some((r) => r.replace(/'/g, "").startsWith(`${RESULTS_SHEET}!`));
}

/** Adds the results sheet to a copy of the input workbook (or the input itself, when they are the same path). */
export async function writeResultsWorkbook(
  input: string,
  output: string,
  results: ResultsSheet
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(input);
  } catch (error) {
    throw new InputError(
      `cannot be read as a workbook (${(error as Error).message.split("\n")[0]})`
    );
  }
  const existing = workbook.getWorksheet(RESULTS_SHEET);
  if (existing) {
    if (!ownsResultsSheet(workbook)) {
      throw new ForeignSheetError(
        `has a sheet named "${RESULTS_SHEET}" that kpi-rewards did not create; rename or delete it — nothing was written`
      );
    }
    workbook.removeWorksheet(existing.id);
  }
  const date1904 = Boolean(workbook.properties.date1904);
  const sheet = workbook.addWorksheet(RESULTS_SHEET);
  sheet.getCell("A1").value = results.title;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = results.summary;
  for (const { table, top } of results.tables) writeTable(sheet, table, top, date1904);
  sheet.columns.forEach((column, i) => (column.width = i === 12 ? 90 : i < 3 ? 20 : 13));
  workbook.definedNames.remove(`'${RESULTS_SHEET}'!$A$1`, OWNER_NAME);
  workbook.definedNames.add(`'${RESULTS_SHEET}'!$A$1`, OWNER_NAME);
  await writeAtomically(workbook, output);
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
  await writeAtomically(workbook, output);
}
