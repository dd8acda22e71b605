import {
  ATTAINMENT_BAR_COLOUR,
  ATTAINMENT_BAR_RANGE,
  bodyRows,
  columnName,
  RESULTS_SHEET,
  NUMBER_FORMATS,
  OWNER_NAME,
  HIGHLIGHT_LABELS,
  STATUS_COLOURS,
  type OutputTable,
  type ResultsSheet,
  writableValue,
} from "../engine";

/** The results are built here first and swapped in only when complete. */
export const STAGING_SHEET = "KPI Rewards (new)";
/** Excel on the web rejects requests over 5 MB: split larger value writes. */
export const WRITE_CHUNK_BYTES = 4_000_000;

export class ForeignSheetError extends Error {
  constructor() {
    super(
      `A sheet named "${RESULTS_SHEET}" already exists and was not created by KPI Rewards, so it is left as it is. Rename or delete it, then evaluate again.`
    );
  }
}

/** The final names of the tables, and the names they carry while staged next to the old ones. */
function stagedName(name: string): string {
  return `${name}_new`;
}

/** Values to write: user text stays text because its cells are formatted `@` before the values land. */
function tableValues(table: OutputTable): (string | number | boolean)[][] {
  return [table.header.slice(), ...bodyRows(table).map((row) => row.map(writableValue))];
}

/**
 * Writes the `KPI Rewards` sheet in three syncs: check ownership, build everything on a staging sheet,
 * then swap it in. A failure before the swap leaves the previous results as they were.
 */
export async function writeResults(
  context: Excel.RequestContext,
  sheet: ResultsSheet
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(RESULTS_SHEET);
  existing.load("name");
  const leftover = worksheets.getItemOrNullObject(STAGING_SHEET);
  leftover.load("name");
  const owner = context.workbook.names.getItemOrNullObject(OWNER_NAME);
  owner.load("formula");
  await context.sync();

  if (!existing.isNullObject && (owner.isNullObject || !owner.formula.includes(RESULTS_SHEET)))
    throw new ForeignSheetError();

  context.workbook.application.suspendApiCalculationUntilNextSync();
  if (!leftover.isNullObject) leftover.delete();
  const staging = worksheets.add(STAGING_SHEET);
  staging.getRange("A1").values = [[sheet.title]];
  staging.getRange("A1").format.font.bold = true;
  staging.getRange("A1").format.font.size = 14;
  staging.getRange("A2").numberFormat = [["@"]];
  staging.getRange("A2").values = [[sheet.summary]];
  for (const { table, top } of sheet.tables) await writeTable(context, staging, table, top);
  staging.getRange("A:L").format.autofitColumns();
  staging.getRange("M:M").format.columnWidth = 420;
  await context.sync();

  if (!existing.isNullObject) existing.delete();
  staging.name = RESULTS_SHEET;
  for (const { table } of sheet.tables)
    staging.tables.getItem(stagedName(table.name)).name = table.name;
  // Re-added every time: deleting the old sheet leaves the name pointing at #REF!.
  if (!owner.isNullObject) owner.delete();
  context.workbook.names.add(
    OWNER_NAME,
    staging.getRange("A1"),
    "Marks the sheet that KPI Rewards writes"
  );
  staging.activate();
  await context.sync();
}

async function writeTable(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  table: OutputTable,
  top: number
): Promise<void> {
  const width = table.header.length;
  const last = columnName(width - 1);
  const values = tableValues(table);
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
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (blocks > 1) await context.sync();
  }
  const created = sheet.tables.add(`A${top + 1}:${last}${bodyBottom}`, true);
  created.name = stagedName(table.name);
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
