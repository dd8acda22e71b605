import { summariseTables } from "../../src/engine";
import { sampleWorkbook } from "../../src/sheet";
import { chooseTables, type TableChoice } from "../../src/excel/choice";
import { readWorkbook } from "../../src/excel/read";
import { evaluateInExcel, selectCell, selectedRange } from "../../src/excel/run";
import { loadSettings, saveSettings } from "../../src/excel/settings";
import { installFakeOffice, parseBox, WorkbookState } from "../../tools/fake-excel";

function fakeExcel(): WorkbookState {
  const state = new WorkbookState();
  installFakeOffice(state);
  return state;
}

/** The sample workbook's sheets, as a user would have typed them (no tables). */
function withSample(state: WorkbookState): void {
  for (const sheet of sampleWorkbook())
    state.addSheet(
      sheet.name,
      sheet.values.map((row) =>
        row.map((v) => (v === null || v === undefined || typeof v === "object" ? "" : v))
      )
    );
}

describe("picking tables", () => {
  test("picked ranges replace the tables found, each kind on its own", async () => {
    const state = fakeExcel();
    withSample(state);
    const workbook = await Excel.run((context) => readWorkbook(context));
    const listed = (choice: TableChoice) =>
      summariseTables(chooseTables(workbook, choice)).map((t) => [t.sheet, t.address, t.rows]);
    expect(
      listed({
        targets: { sheet: "Targets", address: "A1:O3" },
        observations: [{ sheet: "Observations", address: "A1:D40" }],
      })
    ).toEqual([
      ["Targets", "A1:O3", 2],
      ["Observations", "A1:D40", 39],
    ]);
    // Picking only the Targets leaves the observation tables to be found.
    expect(listed({ targets: { sheet: "Targets", address: "$A$1:$O$4" } })).toEqual([
      ["Targets", "A1:O4", 3],
      ["Helpdesk Revamp", "A1:C306", 305],
      ["Procure-to-Pay", "A1:C44", 43],
      ["Observations", "A1:D87", 86],
    ]);
  });

  test("a picked Targets range is what gets evaluated", async () => {
    const state = fakeExcel();
    withSample(state);
    const evaluation = await evaluateInExcel({
      asOfMode: "fixed",
      asOf: "2024-09-30",
      targets: { sheet: "Targets", address: "A1:O3" },
    });
    expect(evaluation.results.map((r) => [r.kpi, r.status])).toEqual([
      ["Support calls", "Met"],
      ["First response hours", "Missed"],
    ]);
  });
});

describe("the pane's Excel actions", () => {
  test("evaluating a workbook without tables says what to add", async () => {
    fakeExcel().addSheet("Sheet1", [["hello"]]);
    await expect(evaluateInExcel({ asOfMode: "today" })).rejects.toThrow(
      /^No Targets table was found: add a table with a header row of Project, KPI, Start, Window \(or End\) and Target\.$/
    );
  });

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

  test("selecting a target's cell, and reading the selection", async () => {
    const state = fakeExcel();
    state.addSheet("Sheet1");
    state.addSheet("My targets", [["x"], ["", "Project", "KPI"], ["", "Apollo", "Calls"]]);
    await selectCell("My targets", "A5");
    expect(state.selection).toEqual({
      sheet: state.sheet("My targets"),
      box: { top: 4, left: 0, rows: 1, columns: 1 },
    });
    expect(state.active?.name).toBe("My targets");
    state.selection = { sheet: state.sheet("My targets")!, box: parseBox("B2:F30") };
    expect(await selectedRange()).toEqual({ sheet: "My targets", address: "B2:F30" });
  });
});
