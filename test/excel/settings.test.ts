import { loadSettings, saveSettings } from "../../src/excel/settings";
import { fakeExcel } from "../support/excel-workbook";

describe("the pane's settings", () => {
  test("settings persist in the workbook", async () => {
    const state = fakeExcel();
    expect(loadSettings()).toEqual({ asOfMode: "today" });
    await saveSettings({
      asOfMode: "fixed",
      asOf: "2024-09-30",
      targets: { sheet: "Targets", address: "A1:O10" },
    });
    expect(state.savedSettings.get("kpiRewards")).toEqual({
      asOfMode: "fixed",
      asOf: "2024-09-30",
      targets: { sheet: "Targets", address: "A1:O10" },
    });
    expect(loadSettings().asOf).toBe("2024-09-30");
  });
});
