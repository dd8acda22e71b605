import { cellAddress } from "../engine/grid/address";
import type { Issue } from "../engine/grid/issue";
import { bodyRows } from "./output-tables";
import type { ResultsSheet } from "./results-sheet";

/** Excel's limit on the characters (UTF-16 code units) one cell holds. */
export const CELL_TEXT_LIMIT = 32767;

/** Text cut to what a cell holds, never splitting a surrogate pair in two. */
export function cutToCellLimit(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[CELL_TEXT_LIMIT - 1])
    ? CELL_TEXT_LIMIT - 1
    : CELL_TEXT_LIMIT;
  return text.slice(0, end);
}

/**
 * One warning per text on the results sheet longer than a cell holds, naming the cell it is written
 * to: writers cut such text, and the user is told rather than finding a shortened name unannounced.
 */
export function overlongTextIssues(sheet: ResultsSheet, sheetName: string): Issue[] {
  const issues: Issue[] = [];
  const check = (row: number, column: number, value: unknown) => {
    if (typeof value !== "string" || value.length <= CELL_TEXT_LIMIT) return;
    const limit = CELL_TEXT_LIMIT.toLocaleString("en-US");
    issues.push({
      severity: "warning",
      sheet: sheetName,
      cell: cellAddress(row, column),
      message: `Text of ${value.length.toLocaleString("en-US")} characters is more than a cell holds; only its first ${limit} characters were written here.`,
    });
  };
  for (const line of sheet.lines) line.values.forEach((value, c) => check(line.row, c, value));
  for (const { table, top, left = 0 } of sheet.tables) {
    table.header.forEach((name, c) => check(top, left + c, name));
    bodyRows(table).forEach((row, r) =>
      row.forEach((value, c) => check(top + 1 + r, left + c, value))
    );
  }
  return issues;
}
