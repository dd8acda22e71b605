import { cellAddress, rangeAddress } from "./address";
import { cellKind, cellText, type CellValue, type Grid } from "./cell";
import {
  adjustmentColumn,
  observationColumn,
  payCurveColumn,
  targetColumn,
  type AdjustmentColumn,
  type ObservationColumn,
  type PayCurveColumn,
  type TargetColumn,
} from "./header";
import type { Issue } from "./issue";
import {
  HISTORY_SHEET,
  RESULTS_SHEET,
  sameSheetName,
  type SheetGrid,
  type TableArea,
  type WorkbookGrid,
} from "./workbook";
import { headerlessTable } from "../messages";
import { keepShape } from "./kept-shapes";

export type TableKind =
  "targets" | "long observations" | "wide observations" | "adjustments" | "pay curves";

/** How the pane and the CLI name each kind of table. */
export const TABLE_KIND_LABELS: Record<TableKind, string> = {
  targets: "Targets",
  "long observations": "Observations (long)",
  "wide observations": "Observations (wide)",
  adjustments: "Adjustments",
  "pay curves": "Pay curves",
};

/**
 * A block of cells under a header row, read in place: no rows are copied, so a million-row sheet costs
 * nothing to recognise beyond a look at its header.
 */
export class TableView {
  constructor(
    readonly sheet: string,
    private readonly values: Grid,
    /** Grid row of the header. */
    readonly headerRow: number,
    /** Grid rows after the last data row. */
    readonly endRow: number,
    readonly firstColumn: number,
    readonly endColumn: number,
    private readonly top: number,
    private readonly left: number
  ) {}

  get headers(): string[] {
    const row = this.values[this.headerRow] ?? [];
    const headers: string[] = [];
    for (let c = this.firstColumn; c < this.endColumn; c++) headers.push(cellText(row[c]));
    return headers;
  }

  /** The data rows' indices, for `cell`. */
  get firstDataRow(): number {
    return this.headerRow + 1;
  }

  /** The value at a grid row and a column of the table (0 = its first column). */
  cell(row: number, column: number): CellValue {
    return this.values[row]?.[this.firstColumn + column];
  }

  row(row: number): readonly CellValue[] | undefined {
    return this.values[row];
  }

  /** Grid column index of a table column, for reading `row()` directly in hot loops. */
  gridColumn(column: number): number {
    return this.firstColumn + column;
  }

  address(row: number, column: number): string {
    return cellAddress(this.top + row, this.left + this.firstColumn + column);
  }

  /** The table's range, header included: `A1:D200`. */
  get rangeAddress(): string {
    return rangeAddress(
      this.top + this.headerRow,
      this.left + this.firstColumn,
      this.endRow - this.headerRow,
      this.endColumn - this.firstColumn
    );
  }

  isBlankRow(row: number): boolean {
    const cells = this.values[row];
    if (!cells) return true;
    for (let c = this.firstColumn; c < this.endColumn; c++)
      if (cellKind(cells[c]) !== "blank") return false;
    return true;
  }
}

export interface FoundTable<Column extends string = string> {
  readonly kind: TableKind;
  readonly sheet: string;
  /** The Excel table's name, when it is one. */
  readonly name?: string;
  readonly view: TableView;
  /** Table column index of each recognised header (the first one wins when a header repeats). */
  readonly columns: Partial<Record<Column, number>>;
  /** Wide tables: the KPI columns, by table column index. */
  readonly kpiColumns: readonly { column: number; kpi: string }[];
}

export type TargetsTable = FoundTable<TargetColumn> & { kind: "targets" };
export type ObservationsTable = FoundTable<ObservationColumn> & {
  kind: "long observations" | "wide observations";
};

export type AdjustmentsTable = FoundTable<AdjustmentColumn> & { kind: "adjustments" };
export type PayCurvesTable = FoundTable<PayCurveColumn> & { kind: "pay curves" };

export interface FoundTables {
  readonly targets: TargetsTable[];
  readonly observations: ObservationsTable[];
  /** Manual corrections (SPEC §10); absent where a host chose tables without them. */
  readonly adjustments?: AdjustmentsTable[];
  /** Pay curves (SPEC §12); likewise optional. */
  readonly payCurves?: PayCurvesTable[];
  /** Tables that could not be read, each with its cell and what to do; absent when there are none. */
  readonly issues?: Issue[];
}

/** Every Targets and Observations table in the workbook, in sheet order. */
export function findTables(workbook: WorkbookGrid): FoundTables {
  const found = {
    targets: [] as TargetsTable[],
    observations: [] as ObservationsTable[],
    adjustments: [] as AdjustmentsTable[],
    payCurves: [] as PayCurvesTable[],
  };
  const issues: Issue[] = [];
  for (const sheet of workbook.sheets) {
    // What KPI Rewards wrote is output, never input.
    if (sameSheetName(sheet.name, RESULTS_SHEET) || sameSheetName(sheet.name, HISTORY_SHEET))
      continue;
    for (const { view, name } of sheetViews(sheet, issues)) {
      const table = recognise(view, sheet.name, name);
      if (table?.kind === "targets") found.targets.push(table as TargetsTable);
      else if (table?.kind === "adjustments") found.adjustments.push(table as AdjustmentsTable);
      else if (table?.kind === "pay curves") found.payCurves.push(table as PayCurvesTable);
      else if (table) found.observations.push(table as ObservationsTable);
    }
  }
  return issues.length > 0 ? { ...found, issues } : found;
}

function sheetViews(sheet: SheetGrid, issues: Issue[]): { view: TableView; name?: string }[] {
  const top = sheet.top ?? 0;
  const left = sheet.left ?? 0;
  const values = sheet.values;
  if (sheet.tables && sheet.tables.length > 0) {
    // An Excel table is exactly its own range: title lines above it are outside, its totals row is not data.
    return sheet.tables.flatMap((table) => {
      if (table.hasHeaderRow === false) {
        issues.push(headerlessIssue(sheet.name, table));
        return [];
      }
      const totals = Math.min(
        Math.max(table.totalsRowCount ?? 0, 0),
        Math.max(table.rowCount - 1, 0)
      );
      return [
        {
          name: table.name,
          view: new TableView(
            sheet.name,
            values,
            table.top - top,
            table.top - top + table.rowCount - totals,
            table.left - left,
            table.left - left + table.columnCount,
            top,
            left
          ),
        },
      ];
    });
  }
  let headerRow = 0;
  while (headerRow < values.length && isBlank(values[headerRow])) headerRow++;
  if (headerRow >= values.length) return [];
  // Columns past the header row's last cell have no header, so nothing in them is ever read.
  const width = values[headerRow].length;
  return [
    { view: new TableView(sheet.name, values, headerRow, values.length, 0, width, top, left) },
  ];
}

function headerlessIssue(sheet: string, table: TableArea): Issue {
  const range = rangeAddress(table.top, table.left, table.rowCount, table.columnCount);
  return {
    severity: "warning",
    sheet,
    cell: cellAddress(table.top, table.left),
    message: headerlessTable(table.name, `${sheet}!${range}`),
  };
}

function isBlank(row: readonly CellValue[]): boolean {
  return row.every((cell) => cellKind(cell) === "blank");
}

function recognise(
  view: TableView,
  sheet: string,
  name: string | undefined
): FoundTable | undefined {
  const headers = view.headers;
  const targetColumns: Partial<Record<TargetColumn, number>> = {};
  const observationColumns: Partial<Record<ObservationColumn, number>> = {};
  headers.forEach((header, index) => {
    const t = targetColumn(header);
    if (t && targetColumns[t] === undefined) targetColumns[t] = index;
    const o = observationColumn(header);
    if (o && observationColumns[o] === undefined) observationColumns[o] = index;
  });
  if (
    targetColumns.target !== undefined &&
    (targetColumns.kpi !== undefined || targetColumns.start !== undefined)
  ) {
    return { kind: "targets", sheet, name, view, columns: targetColumns, kpiColumns: [] };
  }
  const special = recogniseByColumns(view, sheet, name, headers);
  if (special) return special;
  if (observationColumns.date === undefined) return undefined;
  if (observationColumns.kpi !== undefined && observationColumns.value !== undefined) {
    return {
      kind: "long observations",
      sheet,
      name,
      view,
      columns: observationColumns,
      kpiColumns: [],
    };
  }
  const kpiColumns = headers
    .map((kpi, column) => ({ column, kpi }))
    .filter(
      ({ kpi, column }) =>
        kpi !== "" && column !== observationColumns.date && column !== observationColumns.project
    );
  if (kpiColumns.length === 0) return undefined;
  return { kind: "wide observations", sheet, name, view, columns: observationColumns, kpiColumns };
}

/** Adjustments (`Project, KPI, Amount, Reason`) and Pay curves (`Curve, Attainment, Payout`). */
function recogniseByColumns(
  view: TableView,
  sheet: string,
  name: string | undefined,
  headers: readonly string[]
): FoundTable | undefined {
  const adjustment: Partial<Record<AdjustmentColumn, number>> = {};
  const curve: Partial<Record<PayCurveColumn, number>> = {};
  headers.forEach((header, index) => {
    const a = adjustmentColumn(header);
    if (a && adjustment[a] === undefined) adjustment[a] = index;
    const c = payCurveColumn(header);
    if (c && curve[c] === undefined) curve[c] = index;
  });
  if (
    adjustment.project !== undefined &&
    adjustment.kpi !== undefined &&
    adjustment.amount !== undefined &&
    adjustment.reason !== undefined
  ) {
    return { kind: "adjustments", sheet, name, view, columns: adjustment, kpiColumns: [] };
  }
  if (curve.curve !== undefined && curve.attainment !== undefined && curve.payout !== undefined)
    return { kind: "pay curves", sheet, name, view, columns: curve, kpiColumns: [] };
  return undefined;
}

/** How many non-blank data rows a table holds. */
export function countRows(table: FoundTable): number {
  let rows = 0;
  for (let r = table.view.firstDataRow; r < table.view.endRow; r++)
    if (!table.view.isBlankRow(r)) rows++;
  return rows;
}

export interface TableSummary {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly name?: string;
  readonly address: string;
  readonly rows: number;
}

/** What was found, as the pane and the CLI show it; `rows` may bring counts made while reading. */
export function summariseTables(
  found: FoundTables,
  rows?: ReadonlyMap<FoundTable, number>
): TableSummary[] {
  return [
    ...found.targets,
    ...found.observations,
    ...(found.adjustments ?? []),
    ...(found.payCurves ?? []),
  ].map((table) => ({
    kind: table.kind,
    sheet: table.sheet,
    name: table.name,
    address: table.view.rangeAddress,
    rows: rows?.get(table) ?? countRows(table),
  }));
}

/** Which kind of table an evaluation could not do without, when one is missing. */
export function missingTable(
  tables: readonly TableSummary[]
): "targets" | "observations" | undefined {
  if (!tables.some((t) => t.kind === "targets")) return "targets";
  if (!tables.some((t) => t.kind === "long observations" || t.kind === "wide observations"))
    return "observations";
  return undefined;
}

keepShape(new TableView("", [], 0, 0, 0, 0, 0, 0));
