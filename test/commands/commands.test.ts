import { sampleWorkbook } from "../../src/engine";
import { installFakeOffice, sheetValues, WorkbookState, type Value } from "../support/fake-excel";

describe("the ribbon's Evaluate KPIs", () => {
  function setup(): {
    state: WorkbookState;
    dialogs: string[];
    associated: Map<string, (event: Office.AddinCommands.Event) => Promise<void>>;
  } {
    const state = new WorkbookState();
    installFakeOffice(state);
    const dialogs: string[] = [];
    const associated = new Map<string, (event: Office.AddinCommands.Event) => Promise<void>>();
    const office = (globalThis as unknown as { Office: Record<string, unknown> })
      .Office as unknown as {
      actions: { associate: (name: string, f: never) => void };
      context: {
        ui: { displayDialogAsync: (url: string, options: unknown, callback: () => void) => void };
      };
    };
    office.actions.associate = (name, f) => associated.set(name, f);
    office.context.ui.displayDialogAsync = (url, _options, callback) => {
      dialogs.push(decodeURIComponent(url));
      callback();
    };
    (globalThis as unknown as { window: unknown }).window = {
      location: { origin: "https://localhost:3000" },
    };
    return { state, dialogs, associated };
  }

  test("evaluates with the saved settings, writes the sheet and tells the outcome", async () => {
    const { state, dialogs, associated } = setup();
    for (const sheet of sampleWorkbook())
      state.addSheet(
        sheet.name,
        sheet.values.map(
          (row) =>
            row.map((v) =>
              v === null || v === undefined || typeof v === "object" ? "" : v
            ) as Value[]
        )
      );
    state.settings.set("kpiRewards", { asOfMode: "fixed", asOf: "2024-09-30" });
    jest.isolateModules(() => require("../../src/commands/commands"));
    let completed = 0;
    await associated.get("evaluateKpis")!({
      completed: () => completed++,
    } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(sheetValues(state, "KPI Rewards")[1][0]).toMatch(/^As of 30 Sep 2024 · evaluated /);
    expect(dialogs).toEqual([
      "https://localhost:3000/outcome.html?title=KPI Rewards updated&message=9 targets: 2 met, 2 missed, 2 pending, 3 to review. 0 of 5 teams eligible; 3 issues. See the KPI Rewards sheet.",
    ]);
  });

  test("an empty workbook gets a message that says what to add, and the command still completes", async () => {
    const { state, dialogs, associated } = setup();
    state.addSheet("Sheet1", [["hello"]]);
    jest.isolateModules(() => require("../../src/commands/commands"));
    let completed = 0;
    await associated.get("evaluateKpis")!({
      completed: () => completed++,
    } as unknown as Office.AddinCommands.Event);
    expect(completed).toBe(1);
    expect(dialogs[0]).toMatch(
      /^https:\/\/localhost:3000\/outcome\.html\?title=KPI Rewards could not evaluate&message=No Targets table was found: add a table/
    );
    expect(state.sheet("KPI Rewards")).toBeUndefined();
  });
});
