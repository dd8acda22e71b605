import { HISTORY_SHEET, RESULTS_SHEET, sameSheetName } from "../../../src/engine/grid/workbook";

describe("the workbook's sheets", () => {
  test("sheet names compare without regard to case, as in Excel", () => {
    expect(sameSheetName("kpi rewards", "KPI Rewards")).toBe(true);
    expect(sameSheetName("KPI Rewards Jan", "KPI Rewards")).toBe(false);
  });

  test("the sheets KPI Rewards writes are named as SPEC §5 and §9 say", () => {
    expect(RESULTS_SHEET).toBe("KPI Rewards");
    expect(HISTORY_SHEET).toBe("KPI History");
  });
});
