import {
  ATTAINMENT_BAR_COLOUR,
  ATTAINMENT_BAR_RANGE,
  bodyRows,
  columnName,
  RESULTS_HEADER,
  RESULTS_SHEET,
  NUMBER_FORMATS,
  HIGHLIGHT_LABELS,
  STATUS_COLOURS,
  type OutputTable,
  type ResultsSheet,
  writableValue,
} from "../engine";
import { workbookSerial } from "./date-system";
import { ForeignSheetError, swapInSheets, type Build, type SheetPlan } from "./swap";

export { ForeignSheetError, UnfinishedWriteError, WriteStoppedError } from "./swap";

/** Excel on the web rejects requests over 5 MB: split larger value writes. */
export const WRITE_CHUNK_BYTES = 4_000_000;

/**
 * What the pane says once, near Evaluate: the swap that keeps the previous results through a failure
 * deletes and renames sheets, which Excel cannot undo (on Windows and Mac it clears the undo history).
 */
export const UNDO_NOTE =
  "Evaluate replaces the KPI Rewards sheet and cannot be undone with Ctrl+Z; if it fails, the previous results stay.";

/** Values to write: user text stays text because its cells are formatted `@` before the values land. */
function tableValues(table: OutputTable, date1904: boolean): (string | number | boolean)[][] {
  const dates = table.formats.map((format) => format === "date");
  return [
    table.header.slice(),
    ...bodyRows(table).map((row) =>
      row.map((value, column) =>
        dates[column] && typeof value === "number"
          ? workbookSerial(value, date1904)
          : writableValue(value)
      )
    ),
  ];
}

/** The `KPI Rewards` sheet as one sheet of a swap; issue 14's history sheet can join the same swap. */
export function resultsPlan(sheet: ResultsSheet): SheetPlan {
  return {
    name: RESULTS_SHEET,
    kind: "owned",
    tables: sheet.tables.map(({ table }) => table.name),
    build: async (worksheet, build) => {
      worksheet.getRange("A1").values = [[sheet.title]];
      worksheet.getRange("A1").format.font.bold = true;
      worksheet.getRange("A1").format.font.size = 14;
      worksheet.getRange("A2").numberFormat = [["@"]];
      worksheet.getRange("A2").values = [[sheet.summary]];
      for (const { table, top } of sheet.tables)
        await writeTable(build, worksheet, table, top, build.tableName(table.name));
      worksheet.getRange(`A:${columnName(RESULTS_HEADER.length - 1)}`).format.autofitColumns();
      const explanation = columnName(RESULTS_HEADER.indexOf("Explanation"));
      worksheet.getRange(`${explanation}:${explanation}`).format.columnWidth = 420;
    },
  };
}

/**
 * Writes the `KPI Rewards` sheet in 4 syncs (more for results over 4 MB): survey the workbook and the
 * owner marks, build the sheet under a working name, swap it in. Dates are written in the workbook's
 * own date system. Any failure leaves the previous results or the new ones, complete (see swap.ts).
 */
export async function writeResults(
  context: Excel.RequestContext,
  sheet: ResultsSheet
): Promise<void> {
  await swapInSheets(context, [resultsPlan(sheet)], {
    what: `The ${RESULTS_SHEET} sheet`,
    activate: RESULTS_SHEET,
    namesInUse: (names) => new ForeignSheetError(names[0]),
  });
}

async function writeTable(
  build: Build,
  sheet: Excel.Worksheet,
  table: OutputTable,
  top: number,
  name: string
): Promise<void> {
  const width = table.header.length;
  const last = columnName(width - 1);
  const values = tableValues(table, build.date1904);
  const bodyTop = top + 2;
  const bodyBottom = top + 1 + bodyRows(table).length;
  // Number formats first, so text that looks like a formula or a number stays exactly as written.
  table.formats.forEach((format, column) => {
    const letter = columnName(column);
    sheet.getRange(`${letter}${bodyTop}:${letter}${bodyBottom}`).numberFormat = cellFormat(
      NUMBER_FORMATS[format]
    );
  });
  sheet.getRange(`A${top + 1}:${last}${top + 1}`).numberFormat = cellFormat(NUMBER_FORMATS.text);
  // One 2D array per table, or blocks under the request limit for very large results.
  const bytes = JSON.stringify(values).length;
  const blocks = Math.max(1, Math.ceil(bytes / WRITE_CHUNK_BYTES));
  const rowsPerBlock = Math.ceil(values.length / blocks);
  for (let first = 0; first < values.length; first += rowsPerBlock) {
    const chunk = values.slice(first, first + rowsPerBlock);
    sheet.getRange(`A${top + 1 + first}:${last}${top + first + chunk.length}`).values = chunk;
    // Only results over the request limit get here: each block must be its own request.
    if (blocks > 1) await build.context.sync();
  }
  const created = sheet.tables.add(`A${top + 1}:${last}${bodyBottom}`, true);
  created.name = name;
  created.style = "TableStyleLight9";
  for (const { column, highlight } of table.highlights) {
    const letter = columnName(column);
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
      rule.cellValue.format.fill.color = STATUS_COLOURS[label].fill;
      rule.cellValue.format.font.color = STATUS_COLOURS[label].font;
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
