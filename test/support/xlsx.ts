import { mkdtempSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/engine";

export function temporaryFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), "kpi-rewards-"));
}

/** Writes a workbook of plain sheets (no tables), optionally in the 1904 date system. */
export async function writeWorkbook(
  file: string,
  sheets: Record<string, CellValue[][]>,
  options: { date1904?: boolean } = {}
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row) =>
      sheet.addRow(
        row.map((v) => (v === undefined || (typeof v === "object" && v !== null) ? null : v))
      )
    );
  }
  await workbook.xlsx.writeFile(file);
}

/** The values of a sheet's rows, 1-based like Excel, as plain arrays. */
export async function readSheet(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in ${file}`);
  return sheet;
}
