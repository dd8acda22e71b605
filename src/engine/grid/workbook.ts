import type { Grid } from "./cell";
import type { Issue } from "./issue";

/** An Excel table (ListObject) on a sheet, in 0-based sheet coordinates, header row included. */
export interface TableArea {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** False for a table without a header row: it is not recognised, and an issue says why. Default true. */
  readonly hasHeaderRow?: boolean;
  /** Rows at the bottom of the table that are its totals row (0 or 1): never data. Default 0. */
  readonly totalsRowCount?: number;
}

/** One sheet as the engine sees it: the values of its used range and where that range sits. */
export interface SheetGrid {
  readonly name: string;
  readonly values: Grid;
  /** 0-based sheet row of `values[0]`; 0 when the used range starts at row 1. */
  readonly top?: number;
  /** 0-based sheet column of `values[r][0]`. */
  readonly left?: number;
  /** The sheet's Excel tables. When present, only they are read on this sheet. */
  readonly tables?: readonly TableArea[];
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** The workbook counts dates from 1904: every date cell is converted to the 1900 system. */
  readonly date1904?: boolean;
  /** What the reader found wrong while reading (a formula without a saved value…): reported as is. */
  readonly issues?: readonly Issue[];
}

/** The sheet the add-in writes; it is never read as input. */
export const RESULTS_SHEET = "KPI Rewards";

/** The sheet the month-end close keeps its runs on (SPEC §9); never read as input either. */
export const HISTORY_SHEET = "KPI History";

/** Excel treats `KPI Rewards` and `kpi rewards` as the same sheet name. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
