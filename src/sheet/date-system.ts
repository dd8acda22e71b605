import type { CellValue } from "../engine/grid/cell";
import { DATE_1904_OFFSET } from "../engine/grid/date";
import { isDateFormat, type ColumnFormat } from "./column-format";
import type { SheetLayout } from "./sheet-layout";

/**
 * The one home of the 1900/1904 rule for everything written: the engine counts days in the 1900
 * system; a workbook that counts from 1904 stores the same day 1,462 lower.
 */

/** An engine serial (always the 1900 system) as the workbook stores that day. */
export function workbookSerial(serial: number, date1904: boolean): number {
  return date1904 ? serial - DATE_1904_OFFSET : serial;
}

/** A row's date cells (by their column formats) moved from one date system to another. */
export function rowInDateSystem(
  values: readonly CellValue[],
  formats: readonly ColumnFormat[],
  from1904: boolean,
  to1904: boolean
): CellValue[] {
  const shift = (from1904 ? DATE_1904_OFFSET : 0) - (to1904 ? DATE_1904_OFFSET : 0);
  return values.map((value, column) =>
    isDateFormat(formats[column]) && typeof value === "number" && shift !== 0
      ? value + shift
      : value
  );
}

/** A sheet with its dates in the workbook's date system; itself when they already are. */
export function inDateSystem<Sheet extends SheetLayout>(sheet: Sheet, date1904: boolean): Sheet {
  if (sheet.date1904 === date1904) return sheet;
  const row = (values: readonly CellValue[], formats: readonly ColumnFormat[]) =>
    rowInDateSystem(values, formats, sheet.date1904, date1904);
  return {
    ...sheet,
    date1904,
    lines: sheet.lines.map((line) => ({ ...line, values: row(line.values, line.formats) })),
    tables: sheet.tables.map(({ table, top, left }) => ({
      top,
      ...(left === undefined ? {} : { left }),
      table: { ...table, rows: table.rows.map((values) => row(values, table.formats)) },
    })),
  };
}
