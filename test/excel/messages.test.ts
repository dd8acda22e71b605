import {
  approvalRefused,
  APPROVER_NEEDED,
  emptySelection,
  foreignHistory,
  noHistorySheet,
  excelSaid,
  foreignSheet,
  headerOnlySelection,
  READ_CANCELLED,
  readingRows,
  UNDO_NOTE,
  notWritten,
  sampleNamesInUse,
  unfinishedWrite,
} from "../../src/excel/messages";

describe("what the add-in's Excel layer says, each worded once", () => {
  test("what Excel said: an error's message, or the thing thrown as text", () => {
    expect(excelSaid(new Error("GeneralException"))).toBe("GeneralException");
    expect(excelSaid(42)).toBe("42");
  });

  test("a sheet under our name that is not ours is left alone, and the user told what to do", () => {
    expect(foreignSheet("KPI Rewards")).toBe(
      'A sheet named "KPI Rewards" already exists and was not created by KPI Rewards, so it is left as it is. Rename or delete it, then evaluate again.'
    );
    expect(sampleNamesInUse(["Targets", "Observations"])).toBe(
      "The sample needs the sheet names Targets, Observations, which are in use; rename those sheets or start from an empty workbook."
    );
  });

  test("a write that stopped: rolled back, or left for the next run to finish", () => {
    expect(notWritten("The KPI Rewards sheet", new Error("ItemNotFound"))).toBe(
      'The KPI Rewards sheet was not written: Excel said "ItemNotFound".'
    );
    expect(unfinishedWrite("The sample", new Error("A"), new Error("B"))).toBe(
      'The sample stopped part-way (Excel said "A") and could not be tidied up ("B"). Run it again: the next run removes what was left and writes it afresh.'
    );
  });

  test("a selection that cannot stand in for a table", () => {
    expect(emptySelection("Sheet1!A1:B2")).toBe(
      "The selection Sheet1!A1:B2 is empty. Select a table: its header row and the rows under it."
    );
    expect(headerOnlySelection("Sheet1!A1:D1")).toBe(
      "The selection Sheet1!A1:D1 has a header row but no data under it. Select the header row and the rows under it."
    );
  });

  test("an approval refused: no name, no history, a history not ours, the engine's refusals as sentences", () => {
    expect(APPROVER_NEEDED).toBe("Enter the name of the person approving the run.");
    expect(noHistorySheet("KPI History")).toBe(
      "This workbook has no KPI History sheet: evaluate it first, then approve the run."
    );
    expect(foreignHistory("KPI History")).toBe(
      "The KPI History sheet was not written by KPI Rewards (or lost its KpiRuns table), so no run is approved there."
    );
    expect(approvalRefused("has no run 5; its runs are 1–3")).toBe(
      "This workbook has no run 5; its runs are 1–3."
    );
    expect(
      approvalRefused("run 2 was already approved by Ana; an approved run cannot be approved again")
    ).toBe("Run 2 was already approved by Ana; an approved run cannot be approved again.");
  });

  test("evaluating: the undo note, a read cancelled, how far a read has got", () => {
    expect(UNDO_NOTE).toBe(
      "Evaluate replaces the KPI Rewards sheet and cannot be undone with Ctrl+Z; if it fails, the previous results stay."
    );
    expect(READ_CANCELLED).toBe("Reading was cancelled before it finished. Nothing was written.");
    expect(readingRows(200_001, 400_000, 1_048_575)).toBe(
      "Reading rows 200,001–400,000 of 1,048,575"
    );
  });
});
