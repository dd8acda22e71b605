import ExcelJS from "exceljs";
import { portfolio } from "./workloads";

/**
 * A long-layout workbook written with exceljs's streaming writer (shared strings, as Excel writes
 * them): a Targets sheet and one Observations sheet of `rows` rows, without holding the package in memory.
 */
export async function writeLongWorkbook(
  file: string,
  rows: number,
  targets: number
): Promise<void> {
  const input = portfolio(rows, targets, Math.min(targets, 10_000));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const targetSheet = writer.addWorksheet("Targets");
  for (const row of input.targets) targetSheet.addRow(row as ExcelJS.CellValue[]).commit();
  await targetSheet.commit();
  const observations = writer.addWorksheet("Observations");
  for (const row of input.observations) observations.addRow(row as ExcelJS.CellValue[]).commit();
  await observations.commit();
  await writer.commit();
}
