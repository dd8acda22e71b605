import {
  localTimeSerial,
  readRunHistory,
  type RunRecord,
  RUNS_HEADER,
  runToApprove,
} from "../engine";
import { HISTORY_SHEET, isOwnedSheet, OWNER_NAME, workbookSerial } from "../sheet";
import { probeDateSystem } from "./date-system";
import { APPROVER_NEEDED, approvalRefused, foreignHistory, noHistorySheet } from "./messages";

/** Approval refused: no history, no such run, approved already. The message is the user's answer. */
export class ApprovalError extends Error {}

const APPROVED_BY = RUNS_HEADER.indexOf("Approved by");

/**
 * Approves a recorded run by name (SPEC §9): writes its `Approved by` and `Approved at` cells and
 * nothing else, `Approved at` in the workbook's date system. Four syncs: whether there is a history;
 * whose it is and its tables; the KpiRuns table's cells (one row per run, small); the two cells.
 */
export async function approveRun(run: number, by: string, now = new Date()): Promise<RunRecord> {
  const name = by.trim();
  if (name === "") throw new ApprovalError(APPROVER_NEEDED);
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET);
    sheet.load("name");
    const legacy = context.workbook.names.getItemOrNullObject(OWNER_NAME);
    legacy.load("formula");
    const dates = probeDateSystem(context);
    await context.sync();
    if (sheet.isNullObject) throw new ApprovalError(noHistorySheet(HISTORY_SHEET));
    // Only once the sheet is known to exist: a null object's names and tables cannot be asked for.
    const own = sheet.names.getItemOrNullObject(OWNER_NAME);
    own.load("formula");
    const tables = sheet.tables;
    tables.load("items/name");
    await context.sync();
    const owned = isOwnedSheet(sheet.name, [
      ...(own.isNullObject ? [] : [{ name: OWNER_NAME, formula: own.formula, sheet: sheet.name }]),
      ...(legacy.isNullObject ? [] : [{ name: OWNER_NAME, formula: legacy.formula }]),
    ]);
    // The KpiRuns table keeps a number when its name was taken elsewhere: KpiRuns2.
    const runsTable = tables.items.find((t) => /^KpiRuns\d*$/i.test(t.name));
    if (!owned || !runsTable) throw new ApprovalError(foreignHistory(HISTORY_SHEET));
    const range = runsTable.getRange();
    range.load("values,rowIndex,columnIndex");
    await context.sync();

    const date1904 = dates.date1904();
    const history = readRunHistory(range.values, date1904);
    const chosen = runToApprove(history, run);
    if (!chosen.ok) throw new ApprovalError(approvalRefused(chosen.message));
    const row = range.values.findIndex((cells, i) => i > 0 && cells[0] === chosen.value.run);
    const approvedAt = localTimeSerial(now);
    sheet.getRangeByIndexes(range.rowIndex + row, range.columnIndex + APPROVED_BY, 1, 2).values = [
      [name, workbookSerial(approvedAt, date1904)],
    ];
    await context.sync();
    return { ...chosen.value, approvedBy: name, approvedAt };
  });
}
