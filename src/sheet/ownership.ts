/**
 * Which sheets KPI Rewards may replace. A sheet is ours when it carries the sheet-scoped defined name
 * `KpiRewards_Owner` pointing into itself: the mark travels with the sheet, so a results sheet the user
 * renamed to keep ("Jan results") stays marked, and a sheet the user creates under our name is not.
 * Sheet names compare without regard to case, as Excel compares them.
 */

import { sameSheetName } from "../engine/grid/workbook";

/** The defined name that marks a sheet as written by KPI Rewards. */
export const OWNER_NAME = "KpiRewards_Owner";

/** A defined name as a workbook holds it; `sheet` is the sheet it is scoped to, absent for workbook scope. */
export interface DefinedName {
  readonly name: string;
  /** What the name refers to, with or without the leading `=`: `'KPI Rewards'!$A$1`. */
  readonly formula: string;
  readonly sheet?: string;
}

/** A sheet name as a formula writes it: always quoted, quotes doubled. */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The reference the owner mark points at: the sheet's first cell. */
export function ownerReference(sheet: string): string {
  return `${quotedSheetName(sheet)}!$A$1`;
}

/** The sheet a reference such as `='A ''b'' c'!$A$1` or `Sheet1!A1` points at; undefined for `#REF!` and the like. */
export function referencedSheet(formula: string): string | undefined {
  const text = formula.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!#]+)!/.exec(text);
  return plain ? plain[1] : undefined;
}

function isOwnerName(name: DefinedName): boolean {
  return name.name.toUpperCase() === OWNER_NAME.toUpperCase();
}

/**
 * Whether `sheet` was written by KPI Rewards: a sheet-scoped owner mark on it that points into it, or
 * (workbooks written before marks were sheet-scoped) a workbook-scoped mark that points exactly at it.
 */
export function isOwnedSheet(sheet: string, names: readonly DefinedName[]): boolean {
  return names.some((name) => {
    if (!isOwnerName(name)) return false;
    const target = referencedSheet(name.formula);
    if (target === undefined || !sameSheetName(target, sheet)) return false;
    return name.sheet === undefined || sameSheetName(name.sheet, sheet);
  });
}

/** A workbook-scoped owner mark from an earlier version: writers replace it by the sheet-scoped one. */
export function isLegacyOwnerName(name: DefinedName): boolean {
  return isOwnerName(name) && name.sheet === undefined;
}
