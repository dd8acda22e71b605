/** A1-style addresses for 0-based sheet coordinates. */
export function columnName(column: number): string {
  let name = "";
  let n = column + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function rangeAddress(
  top: number,
  left: number,
  rowCount: number,
  columnCount: number
): string {
  const first = cellAddress(top, left);
  if (rowCount <= 1 && columnCount <= 1) return first;
  return `${first}:${cellAddress(top + Math.max(rowCount, 1) - 1, left + Math.max(columnCount, 1) - 1)}`;
}

export interface CellPosition {
  row: number;
  column: number;
}

/** Parses `B7` or `$B$7` (no sheet part); undefined when it is not a cell address. */
export function parseCellAddress(address: string): CellPosition | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return undefined;
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

export interface RangePosition extends CellPosition {
  rowCount: number;
  columnCount: number;
}

/** Parses `Sheet1!A1:D20`, `'My sheet'!B2` or `A1:D20`; the sheet part is returned unquoted. */
export function parseRangeAddress(
  address: string
): { sheet?: string; range: RangePosition } | undefined {
  const bang = address.lastIndexOf("!");
  let sheet: string | undefined;
  let local = address;
  if (bang >= 0) {
    sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    local = address.slice(bang + 1);
  }
  const [a, b] = local.split(":");
  const first = parseCellAddress(a);
  const last = b === undefined ? first : parseCellAddress(b);
  if (!first || !last) return undefined;
  return {
    sheet,
    range: {
      row: Math.min(first.row, last.row),
      column: Math.min(first.column, last.column),
      rowCount: Math.abs(last.row - first.row) + 1,
      columnCount: Math.abs(last.column - first.column) + 1,
    },
  };
}

/** A cell on a named sheet, as results and issues point at it. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}
