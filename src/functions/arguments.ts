import {
  cellKind,
  type CellValue,
  type Grid,
  parseIsoDate,
  parsePercentText,
  type Series,
  shownArgument as shown,
  singleTargetSeries,
  todaySerial,
} from "../engine";
import * as M from "./messages";

/** An argument that cannot be used: becomes `#VALUE!` (or `#N/A`) at the edge, with this message. */
export class ArgumentProblem {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    readonly message: string
  ) {}
}

/**
 * A cell as Excel hands it to a function whose parameter is `any` under `allowErrorForDataTypeAny`.
 * An error cell arrives as the runtime's `CustomFunctions.Error` (`code` "#N/A", `type` and `basicType`
 * "Error", `basicValue` "#N/A"); as a data-types error value (`{ type: "Error", basicValue: "#N/A",
 * errorType: "NotAvailable" }`); or, before the runtime converts it, as `{ type: "CustomFunctionError",
 * code: "#N/A" }`. Each becomes the engine's error cell `{ error: "#N/A" }`.
 */
export function cellArgument(value: unknown): CellValue {
  if (typeof value !== "object" || value === null) return value as CellValue;
  const cell = value as {
    type?: unknown;
    basicType?: unknown;
    code?: unknown;
    basicValue?: unknown;
  };
  if (cell.type === "Error" || cell.basicType === "Error" || cell.type === "CustomFunctionError") {
    const code = typeof cell.code === "string" ? cell.code : cell.basicValue;
    return { error: typeof code === "string" && code !== "" ? code : "#VALUE!" };
  }
  // Any other rich value counts as what a plain read of the cell shows.
  const basic = cell.basicValue;
  return typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean"
    ? basic
    : String(value);
}

function holdsObject(row: readonly unknown[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    if (typeof value === "object" && value !== null) return true;
  }
  return false;
}

/**
 * A range argument as an engine grid, error cells in the engine's form. Only the rows holding one are
 * copied: a million-row range with a few #N/A costs one scan, not a million new rows.
 */
export function gridArgument(range: unknown): Grid {
  const rows = range as unknown[][];
  let grid: CellValue[][] | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || !holdsObject(row)) continue;
    grid ??= rows.slice() as CellValue[][];
    grid[r] = row.map(cellArgument);
  }
  return grid ?? (rows as Grid);
}

/**
 * A scalar argument holding an error (its cell shows #N/A, #DIV/0!…): the formula answers with that
 * error's kind, #N/A for #N/A (the usual "no data yet" chain) and #VALUE! otherwise, naming the argument.
 */
export function rejectErrors(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    const cell = cellArgument(value);
    if (cellKind(cell) !== "error") continue;
    const code = typeof cell === "object" && cell !== null ? cell.error : String(cell);
    throw new ArgumentProblem(
      code === "#N/A" ? "#N/A" : "#VALUE!",
      M.argumentHoldsError(name, code)
    );
  }
}

/** Empty as a cell is empty: nothing, or text of spaces. */
export function isBlank(value: unknown): boolean {
  return cellKind(value as CellValue) === "blank";
}

/** A date argument: a serial or ISO text; a time of day is dropped. */
export function dayArgument(value: unknown, name: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value);
  if (typeof value === "string") {
    const serial = parseIsoDate(value);
    if (serial !== undefined) return serial;
  }
  throw new ArgumentProblem("#VALUE!", M.notADateArgument(name, shown(value)));
}

/** `asOf` omitted means the date at calculation. */
export function asOfArgument(value: unknown): number {
  return isBlank(value) ? todaySerial() : dayArgument(value, "asOf");
}

export function numberArgument(value: unknown, name: string, fallback?: number): number {
  if (isBlank(value) && fallback !== undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ArgumentProblem("#VALUE!", M.notANumberArgument(name, shown(value)));
}

export function optionalFraction(value: unknown, name: string): number | undefined {
  if (isBlank(value)) return undefined;
  const percent = typeof value === "string" ? parsePercentText(value) : undefined;
  return percent ?? numberArgument(value, name);
}

/** A one-column or one-row range as a flat list. */
function flatten(range: unknown, name: string): CellValue[] {
  if (!Array.isArray(range)) return [range as CellValue];
  const rows = range as unknown[][];
  if (rows.length === 1) return rows[0] as CellValue[];
  if (rows.every((row) => Array.isArray(row) && row.length === 1))
    return rows.map((row) => row[0] as CellValue);
  throw new ArgumentProblem(
    "#VALUE!",
    M.notOneColumnOrRow(name, rows.length, rows[0]?.length ?? 0)
  );
}

/** `dates` and `values` as a sorted series, through the engine's single-target entry. */
export function seriesArgument(datesRange: unknown, valuesRange: unknown): Series {
  const dates = flatten(datesRange, "dates");
  const values = flatten(valuesRange, "values");
  const series = singleTargetSeries(dates.map(cellArgument), values.map(cellArgument));
  if (!series.ok) throw new ArgumentProblem("#VALUE!", series.message);
  return series.value;
}

/**
 * A two-column range of (Attainment, Payout) points as a pay curve's points; a header row of text is
 * allowed, blank rows are skipped, and both columns take `0.8` or `80%`.
 */
export function curveArgument(range: unknown): { attainment: number; payout: number }[] {
  const rows = gridArgument(range);
  if (rows.some((row) => row.length !== 2))
    throw new ArgumentProblem("#VALUE!", M.curveNotTwoColumns(rows[0]?.length ?? 0));
  const points: { attainment: number; payout: number }[] = [];
  rows.forEach(([attainment, payout], index) => {
    if (isBlank(attainment) && isBlank(payout)) return;
    const header =
      index === 0 && typeof attainment === "string" && parsePercentText(attainment) === undefined;
    if (header) return;
    const row = `curve row ${index + 1}`;
    points.push({
      attainment: optionalFraction(attainment, `${row} attainment`) ?? missing(row, "attainment"),
      payout: optionalFraction(payout, `${row} payout`) ?? missing(row, "payout"),
    });
  });
  return points;
}

function missing(row: string, column: string): never {
  throw new ArgumentProblem("#VALUE!", M.curveRowMissing(row, column));
}
