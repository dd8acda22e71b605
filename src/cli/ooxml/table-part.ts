import { type Issue, parseRangeAddress, type TableArea } from "../../engine";
import * as M from "../messages";
import { PackageError } from "./package-error";
import { readPart } from "./part-reader";
import { isTrue } from "./workbook-part";
import type { ZipArchive } from "./zip-archive";

const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

/**
 * A table part (`xl/tables/tableN.xml`) as the engine's TableArea: its `ref` is the whole table, header
 * and totals row included. `totalsRowCount` says how many totals rows the ref ends with;
 * `totalsRowShown` only says whether one was ever shown, so alone it adds no row. A table part that
 * cannot be used gives an issue and is left out, never a wrong range.
 */
export async function readTablePart(
  archive: ZipArchive,
  part: string | undefined,
  sheet: string,
  issues: Issue[]
): Promise<TableArea | undefined> {
  const problem = (message: string, cell = "") => {
    issues.push({ severity: "error", sheet, cell, message });
    return undefined;
  };
  if (!part || !archive.has(part)) return problem(M.tableWithoutDefinition(sheet, part));
  let attributes: Record<string, string> | undefined;
  try {
    await readPart(archive, part, {
      open(name, attrs) {
        if (name === "table" && !attributes) attributes = attrs;
      },
      close() {},
      text() {},
    });
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    return problem(M.unreadableTable(sheet, error.message));
  }
  if (!attributes) return problem(M.emptyTablePart(sheet, part));
  const name = attributes.displayName || attributes.name || part;
  const ref = attributes.ref ?? "";
  const parsed = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(ref.trim())
    ? parseRangeAddress(ref)
    : undefined;
  if (!parsed) return problem(M.tableRangeUnreadable(sheet, name, ref));
  const { row, column, rowCount, columnCount } = parsed.range;
  if (row + rowCount > LAST_ROW || column + columnCount > LAST_COLUMN)
    return problem(M.tableOutsideSheet(sheet, name, ref));
  const headerRows =
    attributes.headerRowCount === undefined ? 1 : Number(attributes.headerRowCount);
  const totals = attributes.totalsRowCount === undefined ? 0 : Number(attributes.totalsRowCount);
  return {
    name,
    top: row,
    left: column,
    rowCount,
    columnCount,
    hasHeaderRow: headerRows !== 0 && attributes.headerRowCount !== "false",
    totalsRowCount:
      Number.isFinite(totals) && totals > 0 ? 1 : isTrue(attributes.totalsRowCount) ? 1 : 0,
  };
}
