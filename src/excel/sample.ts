import { columnName, NUMBER_FORMATS, sampleWorkbook, writableValue } from "../engine";
import { cellFormat } from "./write";

/** Writes the engine's demo workbook as new sheets with Excel tables, in two syncs; never over a sheet. */
export async function writeSample(context: Excel.RequestContext): Promise<void> {
  const sample = sampleWorkbook();
  const existing = sample.map((sheet) => {
    const found = context.workbook.worksheets.getItemOrNullObject(sheet.name);
    found.load("name");
    return found;
  });
  await context.sync();
  const taken = sample.filter((_, i) => !existing[i].isNullObject).map((s) => s.name);
  if (taken.length > 0)
    throw new Error(
      `The sample needs the sheet names ${taken.join(", ")}, which are in use; rename those sheets or start from an empty workbook.`
    );

  context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const sheet of sample) {
    const worksheet = context.workbook.worksheets.add(sheet.name);
    const last = columnName(sheet.values[0].length - 1);
    const rows = sheet.values.length;
    sheet.formats.forEach((format, column) => {
      const letter = columnName(column);
      worksheet.getRange(`${letter}2:${letter}${rows}`).numberFormat = cellFormat(
        NUMBER_FORMATS[format]
      );
    });
    worksheet.getRange(`A1:${last}${rows}`).values = sheet.values.map((row) =>
      row.map(writableValue)
    );
    const table = worksheet.tables.add(`A1:${last}${rows}`, true);
    table.name = sheet.table;
    worksheet.getRange(`A:${last}`).format.autofitColumns();
  }
  context.workbook.worksheets.getItem(sample[0].name).activate();
  await context.sync();
}
