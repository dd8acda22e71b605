import { RESULTS_SHEET, type CellValue, type SheetGrid, type WorkbookGrid } from "../engine";

/**
 * Rows read per request block. Excel on the web may return null for reads of more than about 5M cells;
 * a band of 50,000 rows stays under 1M cells for sheets up to 20 columns wide, which KPI sheets are.
 */
export const READ_BAND_ROWS = 50_000;
const EXCEL_ROWS = 1_048_576;

/**
 * Reads every sheet's used range and its tables in two syncs, whatever the size. The first learns the
 * sheets and tables; the second loads each sheet's used range in row bands (the intersection of the used
 * range with rows 1–50000, 50001–100000, …: bands past the data come back as null objects, cheaply).
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookGrid> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  // DATE(1904,1,1) is serial 0 in the 1904 date system and 1462 in the 1900 one.
  const epoch = context.workbook.functions.date(1904, 1, 1);
  epoch.load("value");
  await context.sync();

  const bands: { sheet: string; range: Excel.Range }[] = [];
  for (const sheet of sheets.items) {
    if (sheet.name === RESULTS_SHEET) continue;
    const used = sheet.getUsedRange(true);
    for (let first = 1; first <= EXCEL_ROWS; first += READ_BAND_ROWS) {
      const last = Math.min(first + READ_BAND_ROWS - 1, EXCEL_ROWS);
      const band = used.getIntersectionOrNullObject(sheet.getRange(`${first}:${last}`));
      band.load("values,rowIndex,columnIndex");
      bands.push({ sheet: sheet.name, range: band });
    }
  }
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const worksheet = table.worksheet;
    worksheet.load("name");
    return { name: table.name, range, worksheet };
  });
  await context.sync();

  const date1904 = epoch.value === 0;
  const grids: SheetGrid[] = [];
  for (const sheet of sheets.items) {
    const own = bands.filter((b) => b.sheet === sheet.name && !b.range.isNullObject);
    if (own.length === 0) continue;
    const values: CellValue[][] = [];
    for (const band of own) for (const row of band.range.values) values.push(row);
    grids.push({
      name: sheet.name,
      values,
      top: own[0].range.rowIndex,
      left: own[0].range.columnIndex,
      tables: tableRanges
        .filter((t) => t.worksheet.name === sheet.name)
        .map((t) => ({
          name: t.name,
          top: t.range.rowIndex,
          left: t.range.columnIndex,
          rowCount: t.range.rowCount,
          columnCount: t.range.columnCount,
        })),
    });
  }
  return { sheets: grids, date1904 };
}
