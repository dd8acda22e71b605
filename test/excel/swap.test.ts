import { swapInSheets, WriteStoppedError, type SheetPlan } from "../../src/excel/swap";
import { parseBox, sheetValues, WorkbookState } from "../../tools/fake-excel";
import { fakeExcel, resultsState, sheetsBut } from "../support/excel-workbook";

/** An owned sheet holding one stamped value in a one-column table. */
function plan(name: string, table: string, stamp: string): SheetPlan {
  return {
    name,
    kind: "owned",
    tables: [table],
    build: async (sheet, build) => {
      sheet.getRange("A1:A2").values = [[name], [stamp]];
      const created = sheet.tables.add("A1:A2", true);
      created.name = build.tableName(table);
    },
  };
}

const options = {
  what: "The results",
  activate: "KPI Rewards",
  namesInUse: () => new Error("in use"),
};

const swap = (stamp: string) =>
  Excel.run((context) =>
    swapInSheets(
      context,
      [plan("KPI Rewards", "KpiResults", stamp), plan("KPI History", "KpiHistory", stamp)],
      options
    )
  );

async function twoSheetWorkbook(): Promise<WorkbookState> {
  const state = fakeExcel();
  state.addSheet("Data", [["mine"]]);
  await swap("old");
  return state;
}

describe("a swap of several sheets", () => {
  test("a second owned sheet joins the same transaction: every single failure leaves both old or both new", async () => {
    const reference = await twoSheetWorkbook();
    const start = reference.operations;
    await swap("new");
    const operations = reference.operations - start;
    const stamps = (state: WorkbookState) =>
      ["KPI Rewards", "KPI History"].map((name) => sheetValues(state, name)[1]?.[0]);
    expect(stamps(reference)).toEqual(["new", "new"]);
    const seen = new Set<string>();
    for (let k = 0; k < operations; k++) {
      const state = await twoSheetWorkbook();
      state.failAt(k);
      await swap("new").catch((error: unknown) => {
        expect(error).toBeInstanceOf(WriteStoppedError);
      });
      const [results, history] = stamps(state);
      expect(results).toBe(history);
      seen.add(results as string);
      expect(state.sheets.map((s) => s.name).sort()).toEqual([
        "Data",
        "KPI History",
        "KPI Rewards",
      ]);
      expect(state.tables.map((t) => t.name).sort()).toEqual(["KpiHistory", "KpiResults"]);
      expect(resultsState(state, "KPI History")?.owned).toBe(true);
      expect(resultsState(state)?.owned).toBe(true);
      expect(sheetValues(state, "Data")).toEqual([["mine"]]);
      expect(state.names.size).toBe(0);
    }
    expect([...seen].sort()).toEqual(["new", "old"]);
  });
});

describe("what a stopped run left behind", () => {
  test("a sheet carrying the working mark is removed by the next run; one without it is the user's", async () => {
    const state = fakeExcel();
    state.addSheet("Data", [["mine"]]);
    const left = state.addSheet("KPI Rewards (new)", [["half written"]]);
    left.names.set("KpiRewards_Working", {
      name: "KpiRewards_Working",
      sheet: left,
      box: parseBox("A1"),
      comment: "",
    });
    state.addSheet("KPI Rewards (new 2)", [["my own draft"]]);
    await swap("now");
    expect(state.sheets.map((s) => s.name)).toEqual([
      "Data",
      "KPI Rewards (new 2)",
      "KPI Rewards",
      "KPI History",
    ]);
    expect(sheetValues(state, "KPI Rewards (new 2)")).toEqual([["my own draft"]]);
  });

  test("an unmarked sheet the pending list names is removed only while it is empty", async () => {
    const state = fakeExcel();
    state.addSheet("Data", [["mine"]]);
    state.addSheet("KPI Rewards (new)");
    state.addSheet("KPI History (new)", [["typed since"]]);
    state.names.set("KpiRewards_Pending", {
      name: "KpiRewards_Pending",
      constant: '="KPI Rewards (new)/KPI History (new)"',
      comment: "",
    });
    await swap("now");
    expect(sheetsBut(state, ["KPI Rewards", "KPI History"])).toEqual({
      Data: [["mine"]],
      "KPI History (new)": [["typed since"]],
    });
    expect(state.names.size).toBe(0);
  });

  test("working names stay within Excel's 31 characters", async () => {
    const state = fakeExcel();
    state.addSheet("Data", [["mine"]]);
    const long = "Quarterly KPI Rewards Summary"; // 29 characters
    await Excel.run((context) =>
      swapInSheets(context, [plan(long, "KpiLong", "v")], { ...options, activate: long })
    );
    // Excel (and the in-memory Excel) refuses longer names: the working sheet was "Quarterly KPI Rewards S (new)".
    expect(sheetValues(state, long)).toEqual([[long], ["v"]]);
    expect(state.sheets.map((s) => s.name)).toEqual(["Data", long]);
  });
});
