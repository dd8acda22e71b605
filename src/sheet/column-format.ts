import type { CellValue } from "../engine/grid/cell";

/** How a column's cells are shown; every writer maps these to its own number formats. */
export type ColumnFormat = "text" | "date" | "datetime" | "number" | "percent" | "money" | "count";

/** Excel number formats for each column format, used by every writer. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
  number: "#,##0.0",
  percent: "0.0%",
  money: "#,##0.00",
  count: "0",
};

/** A cell as a host writes it: numbers, text and booleans as they are, anything else an empty cell. */
export function writableValue(value: CellValue): string | number | boolean {
  return value === null || value === undefined || typeof value === "object" ? "" : value;
}

/** Columns whose numbers are day serials, and so count in the workbook's date system. */
export function isDateFormat(format: ColumnFormat | undefined): boolean {
  return format === "date" || format === "datetime";
}
