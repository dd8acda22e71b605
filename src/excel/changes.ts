import { HISTORY_SHEET, RESULTS_SHEET, sameSheetName } from "../sheet";
import { isWorkingSheetName } from "./swap";

/**
 * Tells the pane when the user changes the workbook: cells edited on any sheet, sheets added or
 * deleted. Changes KPI Rewards makes to its own sheets (results, history) are not reported. Cell edits need ExcelApi 1.9
 * (the worksheet collection's onChanged); older hosts report added and deleted sheets only.
 * Returns whether cell edits are watched.
 */
export async function watchWorkbook(onChange: () => void): Promise<boolean> {
  // Ids of our sheets, learnt while they exist, so that deleting them later is not reported either.
  const ourIds = new Set<string>();
  const isOurs = async (worksheetId: string): Promise<boolean> => {
    if (ourIds.has(worksheetId)) return true;
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(worksheetId);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return false;
      const ourName = [RESULTS_SHEET, HISTORY_SHEET].some((name) =>
        sameSheetName(sheet.name, name)
      );
      if (!ourName && !isWorkingSheetName(sheet.name)) return false;
      ourIds.add(worksheetId);
      return true;
    });
  };
  const handle = async (event: { worksheetId: string }) => {
    if (!(await isOurs(event.worksheetId))) onChange();
  };
  const edits = Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  await Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    // Our sheets may already exist from an earlier session.
    const ours = [RESULTS_SHEET, HISTORY_SHEET].map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      sheet.load("id");
      return sheet;
    });
    if (edits) worksheets.onChanged.add(handle);
    worksheets.onAdded.add(handle);
    worksheets.onDeleted.add(handle);
    await context.sync();
    for (const sheet of ours) if (!sheet.isNullObject) ourIds.add(sheet.id);
  });
  return edits;
}
