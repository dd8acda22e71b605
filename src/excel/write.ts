import { columnName } from "../engine";
import {
  ATTAINMENT_BAR_COLOUR,
  ATTAINMENT_BAR_RANGE,
  bodyRows,
  HIGHLIGHT_LABELS,
  HISTORY_SHEET,
  type HistorySheet,
  inDateSystem,
  lineLook,
  NUMBER_FORMATS,
  type OutputTable,
  type PrintSetup,
  RESULTS_SHEET,
  type ResultsSheet,
  type SheetLayout,
  type SheetLine,
  sheetColours,
  widthInPoints,
  writableValue,
} from "../sheet";
import { historyAppendCommit, type HistoryAppend } from "./history-append";
import { valueBlocks } from "./request-budget";
import { ForeignSheetError, swapInSheets, type Build, type SheetPlan } from "./swap";

export { ForeignSheetError, UnfinishedWriteError, WriteStoppedError } from "./swap";

/** A table's body as values to write: user text stays text because its cells are formatted `@` first. */
export function bodyValues(table: OutputTable): (string | number | boolean)[][] {
  return bodyRows(table).map((row) => row.map(writableValue));
}

function tableValues(table: OutputTable): (string | number | boolean)[][] {
  return [table.header.slice(), ...bodyValues(table)];
}

/** Lines, tables, column widths and frozen rows of a laid-out sheet, dates in the workbook's system. */
async function writeLayout<Sheet extends SheetLayout>(
  worksheet: Excel.Worksheet,
  build: Build,
  laid: Sheet
): Promise<Sheet> {
  const sheet = inDateSystem(laid, build.date1904);
  for (const line of sheet.lines) writeLine(worksheet, line);
  for (const { table, top, left } of sheet.tables)
    await writeTable(build, worksheet, table, top, left ?? 0, build.tableName(table.name));
  sheet.columns.forEach((column, i) => {
    const range = worksheet.getRange(`${columnName(i)}:${columnName(i)}`);
    range.format.columnWidth = widthInPoints(column.width);
    if (column.wrap) {
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
  });
  worksheet.freezePanes.freezeRows(sheet.frozenRows);
  return sheet;
}

/** The `KPI Rewards` sheet as one sheet of a swap. */
export function resultsPlan(laid: ResultsSheet): SheetPlan {
  return {
    name: RESULTS_SHEET,
    kind: "owned",
    tables: laid.tables.map(({ table }) => table.name),
    build: async (worksheet, build) => {
      const sheet = await writeLayout(worksheet, build, laid);
      // Rows as tall as their wrapped explanations.
      const { table: results, top: resultsTop } = sheet.tables.find(
        (t) => t.table.name === "KpiResults"
      )!;
      worksheet
        .getRange(`${resultsTop + 2}:${resultsTop + 1 + bodyRows(results).length}`)
        .format.autofitRows();
      // Page layout came with ExcelApi 1.9; older hosts get the sheet without print settings.
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.9"))
        setUpPrinting(worksheet, sheet.print);
    },
  };
}

/**
 * The `KPI History` sheet as one sheet of the same swap, owned like the results sheet: built whole
 * under a working name, so a failure anywhere leaves the recorded runs exactly as they were.
 */
export function historyPlan(laid: HistorySheet): SheetPlan {
  return {
    name: HISTORY_SHEET,
    kind: "owned",
    tables: laid.tables.map(({ table }) => table.name),
    build: async (worksheet, build) => {
      await writeLayout(worksheet, build, laid);
    },
  };
}

/**
 * Writes the `KPI Rewards` sheet, and `KPI History` when a run is recorded, in 4 syncs (more for sheets
 * over 4 MB): survey the workbook and the owner marks, build the sheets under working names, swap them
 * in. The history is a whole sheet swapped in with the results, or a run appended to the sheet in
 * place with the same swap (history-append.ts). Dates are written in the workbook's own date system.
 * Any failure leaves the previous sheets or the new ones, both complete (see swap.ts).
 */
export async function writeResults(
  context: Excel.RequestContext,
  sheet: ResultsSheet,
  history?: HistorySheet | HistoryAppend
): Promise<void> {
  const appended = history && "place" in history ? history : undefined;
  const whole = history && !("place" in history) ? history : undefined;
  const plans = [resultsPlan(sheet), ...(whole ? [historyPlan(whole)] : [])];
  await swapInSheets(context, plans, {
    what: `The ${RESULTS_SHEET} sheet${history ? ` with its ${HISTORY_SHEET}` : ""}`,
    activate: RESULTS_SHEET,
    namesInUse: (names) => new ForeignSheetError(names[0]),
    ...(appended ? { commit: historyAppendCommit(appended) } : {}),
  });
}

/** A line outside the tables: its values, number formats first, and its emphasis. */
function writeLine(sheet: Excel.Worksheet, line: SheetLine): void {
  const row = line.row + 1;
  const range = sheet.getRange(`A${row}:${columnName(line.values.length - 1)}${row}`);
  range.numberFormat = [line.formats.map((format) => NUMBER_FORMATS[format])];
  range.values = [line.values.map(writableValue)];
  const look = lineLook(line.emphasis);
  if (!look) return;
  const cells = look.cells === "first" ? sheet.getRange(`A${row}`) : range;
  if (look.look.bold) cells.format.font.bold = true;
  if (look.look.size) cells.format.font.size = look.look.size;
  if (look.look.italic) cells.format.font.italic = true;
}

/** Landscape, every column on one page, the header rows on every page, the title in the page header. */
function setUpPrinting(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.orientation = Excel.PageOrientation.landscape;
  // Zero pages tall: as many as the rows need.
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  layout.setPrintTitleRows(`$${print.repeatRows[0] + 1}:$${print.repeatRows[1] + 1}`);
  // "&" starts a header code: a literal one is doubled.
  layout.headersFooters.defaultForAllPages.centerHeader = `&B${print.title.replace(/&/g, "&&")}`;
  layout.headersFooters.defaultForAllPages.centerFooter = "Page &P of &N";
}

async function writeTable(
  build: Build,
  sheet: Excel.Worksheet,
  table: OutputTable,
  top: number,
  left: number,
  name: string
): Promise<void> {
  const width = table.header.length;
  const first = columnName(left);
  const last = columnName(left + width - 1);
  const values = tableValues(table);
  const bodyTop = top + 2;
  const bodyBottom = top + 1 + bodyRows(table).length;
  // Number formats first, so text that looks like a formula or a number stays exactly as written.
  formatColumns(sheet, table, left, bodyTop, bodyBottom);
  sheet.getRange(`${first}${top + 1}:${last}${top + 1}`).numberFormat = cellFormat(
    NUMBER_FORMATS.text
  );
  await writeCells(build, sheet, values, top + 1, left);
  const created = sheet.tables.add(`${first}${top + 1}:${last}${bodyBottom}`, true);
  created.name = name;
  created.style = "TableStyleLight9";
  writeHighlights(sheet, table, left, bodyTop, bodyBottom);
}

/** Each of the table's columns gets its number format over rows `fromRow`…`toRow` (1-based). */
export function formatColumns(
  sheet: Excel.Worksheet,
  table: OutputTable,
  left: number,
  fromRow: number,
  toRow: number
): void {
  table.formats.forEach((format, column) => {
    const letter = columnName(left + column);
    sheet.getRange(`${letter}${fromRow}:${letter}${toRow}`).numberFormat = cellFormat(
      NUMBER_FORMATS[format]
    );
  });
}

/**
 * Rows of values from sheet row `firstRow` (1-based) and column `left`: one 2D array, or blocks under
 * the request limit for very large tables; a block that would not fit beside what is already queued
 * (another table, the other sheet) waits for its own request.
 */
export async function writeCells(
  build: Build,
  sheet: Excel.Worksheet,
  rows: readonly (string | number | boolean)[][],
  firstRow: number,
  left: number
): Promise<void> {
  const first = columnName(left);
  const last = columnName(left + rows[0].length - 1);
  for (const block of valueBlocks(rows)) {
    await build.budget.reserve(block.bytes);
    sheet.getRange(
      `${first}${firstRow + block.first}:${last}${firstRow + block.first + block.rows.length - 1}`
    ).values = block.rows;
  }
}

/**
 * The table's conditional formats over its body rows `bodyTop`…`bodyBottom` (1-based): data bars for
 * attainment, status colours for the labels.
 */
export function writeHighlights(
  sheet: Excel.Worksheet,
  table: OutputTable,
  left: number,
  bodyTop: number,
  bodyBottom: number
): void {
  for (const { column, highlight } of table.highlights) {
    const letter = columnName(left + column);
    const range = sheet.getRange(`${letter}${bodyTop}:${letter}${bodyBottom}`);
    if (highlight === "attainment") {
      const bars = range.conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
      bars.dataBar.positiveFormat.fillColor = ATTAINMENT_BAR_COLOUR;
      bars.dataBar.lowerBoundRule = {
        type: Excel.ConditionalFormatRuleType.number,
        formula: String(ATTAINMENT_BAR_RANGE[0]),
      };
      bars.dataBar.upperBoundRule = {
        type: Excel.ConditionalFormatRuleType.number,
        formula: String(ATTAINMENT_BAR_RANGE[1]),
      };
      continue;
    }
    const labels = HIGHLIGHT_LABELS[highlight];
    for (const label of labels) {
      const rule = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      const { fill, font } = sheetColours(label);
      rule.cellValue.format.fill.color = fill;
      rule.cellValue.format.font.color = font;
      rule.cellValue.rule = {
        formula1: `="${label}"`,
        operator: Excel.ConditionalCellValueOperator.equalTo,
      };
    }
  }
}

/**
 * One number format for every cell of a range. Office.js applies a single value to all cells (a 2D
 * array would have to match the range's size); the typings only describe the array form.
 */
export function cellFormat(format: string): string[][] {
  return format as unknown as string[][];
}
