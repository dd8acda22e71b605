import type { CellValue } from "../engine/grid/cell";
import type { ColumnFormat } from "./column-format";
import type { OutputTable } from "./output-tables";

/** A line of the sheet outside the tables: the title, the summary facts, the note, the totals. */
export interface SheetLine {
  /** 0-based row; cells start in column A. */
  readonly row: number;
  readonly values: readonly CellValue[];
  readonly formats: readonly ColumnFormat[];
  readonly emphasis: "title" | "label" | "note" | "total" | "plain";
}

/** A column of the sheet: its width in characters (Excel's unit) and whether long text wraps. */
export interface SheetColumn {
  readonly width: number;
  readonly wrap: boolean;
}

/**
 * A sheet KPI Rewards writes, laid out once for every writer: lines of text, tables (all from column
 * A unless placed beside another), column widths and frozen rows. Writers render it; they decide nothing about it.
 */
export interface SheetLayout {
  readonly name: string;
  /** Every line outside the tables, in row order. */
  readonly lines: readonly SheetLine[];
  /** Each table with its 0-based top row and first column (column A when `left` is absent). */
  readonly tables: readonly { table: OutputTable; top: number; left?: number }[];
  readonly columns: readonly SheetColumn[];
  /** Rows kept in view while scrolling. */
  readonly frozenRows: number;
  /** The date system the date cells count in: the workbook's own (see date-system.ts). */
  readonly date1904: boolean;
}
