import { NO_HISTORY, readRunHistory, type RunHistory, type WorkbookGrid } from "../engine";
import { HISTORY_SHEET, sameSheetName } from "../sheet";
import { sheetOwner, type WorkbookPackage } from "./xlsx-package";

/**
 * The runs a workbook holds in its `KPI History` sheet (SPEC §9). A sheet of that name that KPI Rewards
 * did not write holds no runs of ours: it is not read, and writing refuses it.
 */
export function workbookHistory(pkg: WorkbookPackage, workbook: WorkbookGrid): RunHistory {
  if (sheetOwner(pkg, HISTORY_SHEET).kind !== "ours") return NO_HISTORY;
  const sheet = workbook.sheets.find((s) => sameSheetName(s.name, HISTORY_SHEET));
  return sheet ? readRunHistory(sheet.values, workbook.date1904 ?? false) : NO_HISTORY;
}
