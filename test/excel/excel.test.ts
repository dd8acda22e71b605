import {
  evaluateWorkbook,
  findTables,
  resultsSheet,
  sampleWorkbook,
  SAMPLE_AS_OF,
  summariseTables,
  type Evaluation,
} from "../../src/engine";
import { chooseTables, type TableChoice } from "../../src/excel/choice";
import { readWorkbook } from "../../src/excel/read";
import { evaluateInExcel, selectCell, selectedRange } from "../../src/excel/run";
import { loadSettings, saveSettings } from "../../src/excel/settings";
import { writeSample } from "../../src/excel/sample";
import { ForeignSheetError, writeResults } from "../../src/excel/write";
import {
  installFakeOffice,
  parseBox,
  sheetValues,
  WorkbookState,
  type Value,
} from "../support/fake-excel";
import { day, everyDay } from "../support/workbooks";

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

function snapshot(state: WorkbookState): Record<string, Value[][]> {
  return Object.fromEntries(
    state.sheets
      .filter((s) => s.name !== "KPI Rewards")
      .map((s) => [s.name, sheetValues(state, s.name)])
  );
}

async function evaluateSample(
  state: WorkbookState,
  evaluatedAt = "2026-11-24 10:00"
): Promise<Evaluation> {
  const workbook = await Excel.run((context) => readWorkbook(context));
  const evaluation = evaluateWorkbook(workbook, { asOf: SAMPLE_AS_OF });
  await Excel.run((context) => writeResults(context, resultsSheet(evaluation, evaluatedAt)));
  void state;
  return evaluation;
}

describe("reading the workbook", () => {
  test("reads every sheet's used range and tables in 2 syncs, and the engine finds the same tables as from grids", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addTable(state.sheet("Targets")!, parseBox("A1:O10"), "KpiTargets");
    const workbook = await Excel.run((context) => readWorkbook(context));
    expect(state.syncs).toBe(2);
    expect(workbook.date1904).toBe(false);
    expect(
      summariseTables(findTables(workbook)).map((t) => [t.kind, t.sheet, t.name, t.address, t.rows])
    ).toEqual([
      ["targets", "Targets", "KpiTargets", "A1:O10", 9],
      ["wide observations", "Helpdesk Revamp", undefined, "A1:C306", 305],
      ["wide observations", "Procure-to-Pay", undefined, "A1:C44", 43],
      ["long observations", "Observations", undefined, "A1:D87", 86],
    ]);
  });

  test("a 100,000-row sheet is read in 2 syncs, in bands of at most 1M cells", async () => {
    const state = fakeExcel();
    const rows: Value[][] = [["Project", "KPI", "Date", "Value"]];
    for (let i = 0; i < 100_000; i++) rows.push(["P", "Calls", 45000 + (i % 400), i % 97]);
    state.addSheet("Big", rows);
    state.addSheet("Targets", [
      ["Project", "KPI", "Start", "Window", "Target"],
      ["P", "Calls", 45200, "30 days", 0.1],
    ]);
    const workbook = await Excel.run((context) => readWorkbook(context));
    expect(state.syncs).toBe(2);
    expect(workbook.sheets[0].values).toHaveLength(100_001);
    expect(workbook.sheets[0].values[100_000]).toEqual([
      "P",
      "Calls",
      45000 + (99_999 % 400),
      99_999 % 97,
    ]);
    expect(state.largestRead).toBe(50_000 * 4);
    expect(Math.max(...state.requests)).toBeLessThan(5 * 1024 * 1024);
  });

  test("a used range that starts below A1 keeps its addresses; the 1904 system is detected", async () => {
    const state = fakeExcel();
    state.date1904 = true;
    state.addSheet(
      "Obs",
      [
        ["Date", "Calls"],
        [45000 - 1462, 5],
      ],
      3,
      2
    );
    const workbook = await Excel.run((context) => readWorkbook(context));
    expect(workbook.date1904).toBe(true);
    expect(workbook.sheets[0]).toMatchObject({ name: "Obs", top: 3, left: 2 });
    expect(summariseTables(findTables(workbook))[0].address).toBe("C4:D5");
  });

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

describe("writing the KPI Rewards sheet", () => {
  test("writes the sample's results in at most 3 syncs: values, tables, formats and highlighting", async () => {
    const state = fakeExcel();
    withSample(state);
    const workbook = await Excel.run((context) => readWorkbook(context));
    const evaluation = evaluateWorkbook(workbook, { asOf: SAMPLE_AS_OF });
    const before = state.syncs;
    await Excel.run((context) =>
      writeResults(context, resultsSheet(evaluation, "2026-11-24 10:00"))
    );
    expect(state.syncs - before).toBe(3);

    const values = sheetValues(state, "KPI Rewards");
    expect(values[0][0]).toBe("KPI Rewards");
    expect(values[1][0]).toBe(
      "As of 30 Sep 2024 · evaluated 2026-11-24 10:00 · 9 targets: 2 met, 2 missed, 2 pending, 3 to review · 5 teams · 3 issues"
    );
    expect(values[3].slice(0, 9)).toEqual([
      "Team",
      "Targets",
      "Met",
      "Missed",
      "Pending",
      "Review",
      "Score",
      "Eligible",
      "Reward",
    ]);
    expect(values[5].slice(0, 9)).toEqual([
      "Finance Ops",
      2,
      1,
      1,
      0,
      0,
      evaluation.teams[1].score,
      "No",
      8000,
    ]);
    expect(values[11][0]).toBe("Project");
    expect(values[12].slice(0, 5)).toEqual([
      "Helpdesk Revamp",
      "Service Desk",
      "Support calls",
      day("2024-02-01"),
      day("2024-02-29"),
    ]);
    expect(values[12][10]).toBe("Met");
    expect(values[12][12]).toBe(
      "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%)."
    );
    // Invalid rows leave their numbers blank.
    expect(values[18].slice(5, 10)).toEqual(["", "", "", "", ""]);
    expect(values[23].slice(0, 4)).toEqual(["Severity", "Sheet", "Cell", "Message"]);
    expect(values[24].slice(0, 3)).toEqual(["error", "Helpdesk Revamp", "B229"]);

    const sheet = state.sheet("KPI Rewards")!;
    expect(
      state.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => [t.name, t.top, t.rowCount, t.columnCount])
    ).toEqual([
      ["KpiTeams", 3, 6, 9],
      ["KpiResults", 11, 10, 13],
      ["KpiIssues", 23, 4, 4],
    ]);
    expect(sheet.format(12, 3)).toBe("yyyy-mm-dd");
    expect(sheet.format(12, 8)).toBe("0.0%");
    expect(sheet.format(12, 11)).toBe("#,##0.00");
    expect(sheet.format(12, 0)).toBe("@");
    expect(
      sheet.conditionalFormats.map((f) => [
        f.address,
        f.type,
        f.rule?.formula1 ?? f.barColor,
        f.fill,
      ])
    ).toEqual([
      ["H5:H9", "CellValue", '="Yes"', "#C6EFCE"],
      ["H5:H9", "CellValue", '="No"', "#FFC7CE"],
      ["H5:H9", "CellValue", '="Pending"', "#FFEB9C"],
      ["H5:H9", "CellValue", '="Review"', "#E7E6E6"],
      ["J13:J21", "DataBar", "#5B9BD5", undefined],
      ["K13:K21", "CellValue", '="Met"', "#C6EFCE"],
      ["K13:K21", "CellValue", '="Missed"', "#FFC7CE"],
      ["K13:K21", "CellValue", '="Pending"', "#FFEB9C"],
      ["K13:K21", "CellValue", '="Insufficient data"', "#E7E6E6"],
      ["K13:K21", "CellValue", '="Invalid"', "#E7E6E6"],
    ]);
    expect(state.names.get("KpiRewards_Owner")?.sheet).toBe(sheet);
    expect(state.sheet("KPI Rewards (new)")).toBeUndefined();
    expect(state.active).toBe(sheet);
  });

  test("input cells are never touched, and re-running gives the same cells", async () => {
    const state = fakeExcel();
    withSample(state);
    const inputs = snapshot(state);
    await evaluateSample(state);
    const first = sheetValues(state, "KPI Rewards");
    await evaluateSample(state);
    expect(sheetValues(state, "KPI Rewards")).toEqual(first);
    expect(snapshot(state)).toEqual(inputs);
    expect(state.sheets.map((s) => s.name)).toEqual([
      "Targets",
      "Helpdesk Revamp",
      "Procure-to-Pay",
      "Observations",
      "KPI Rewards",
    ]);
  });

  test("a failure in the middle of the write keeps the old results", async () => {
    const state = fakeExcel();
    withSample(state);
    await evaluateSample(state, "first run");
    const previous = sheetValues(state, "KPI Rewards");
    state.beforeOperation = (name) => {
      if (name === "conditionalFormats.add") throw new Error("Excel is busy");
    };
    await expect(evaluateSample(state, "second run")).rejects.toThrow("Excel is busy");
    expect(sheetValues(state, "KPI Rewards")).toEqual(previous);
    expect(state.tables.filter((t) => t.sheet.name === "KPI Rewards").map((t) => t.name)).toEqual([
      "KpiTeams",
      "KpiResults",
      "KpiIssues",
    ]);
    state.beforeOperation = () => undefined;
    await evaluateSample(state, "third run");
    expect(sheetValues(state, "KPI Rewards")[1][0]).toMatch(/evaluated third run/);
    expect(state.sheet("KPI Rewards (new)")).toBeUndefined();
  });

  test("a KPI Rewards sheet the add-in did not create is never overwritten", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("KPI Rewards", [["my notes"]]);
    await expect(evaluateSample(state)).rejects.toThrow(ForeignSheetError);
    await expect(evaluateSample(state)).rejects.toThrow(
      'A sheet named "KPI Rewards" already exists and was not created by KPI Rewards, so it is left as it is. Rename or delete it, then evaluate again.'
    );
    expect(sheetValues(state, "KPI Rewards")).toEqual([["my notes"]]);
    expect(state.sheet("KPI Rewards (new)")).toBeUndefined();
  });

  test("a formula-like project name is written as text", async () => {
    const state = fakeExcel();
    const name = '=HYPERLINK("http://x","y")';
    state.addSheet("Targets", [
      ["Project", "KPI", "Start", "Window", "Target"],
      [name, "Calls", day("2024-02-01"), "1 month", -0.2],
    ]);
    state.addSheet("Obs", [
      ["Project", "KPI", "Date", "Value"],
      ...[...everyDay("2024-01-01", 31, 10), ...everyDay("2024-02-01", 29, 7)].map(([d, v]) => [
        name,
        "Calls",
        day(d),
        v,
      ]),
    ]);
    await evaluateSample(state);
    const sheet = state.sheet("KPI Rewards")!;
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.get(8, 0)).toBe(name);
  });

  test("results over the 5 MB request limit are written in chunks", async () => {
    const state = fakeExcel();
    const targets: Value[][] = [["Project", "KPI", "Start", "Window", "Target"]];
    for (let i = 0; i < 12_000; i++)
      targets.push([
        `Project with a rather long name number ${i}`,
        "Calls",
        day("2024-02-01"),
        "1 month",
        -0.2,
      ]);
    state.addSheet("Targets", targets);
    state.addSheet("Obs", [
      ["Project", "KPI", "Date", "Value"],
      ["Someone else", "Calls", day("2024-01-01"), 1],
    ]);
    await evaluateSample(state);
    expect(sheetValues(state, "KPI Rewards").length).toBeGreaterThan(12_000);
    expect(Math.max(...state.requests)).toBeLessThan(5 * 1024 * 1024);
    expect(state.syncs).toBeGreaterThan(5);
  });
});

describe("the pane's Excel actions", () => {
  test("the sample is written as tables in 2 syncs, and evaluating it as of 30 Sep 2024 shows every status", async () => {
    const state = fakeExcel();
    state.addSheet("Sheet1");
    await Excel.run((context) => writeSample(context));
    expect(state.syncs).toBe(2);
    expect(state.tables.map((t) => t.name)).toEqual([
      "KpiTargets",
      "HelpdeskKpis",
      "ProcureToPayKpis",
      "KpiObservations",
    ]);
    expect(state.sheet("Targets")!.format(1, 2)).toBe("yyyy-mm-dd");
    const stages: string[] = [];
    const evaluation = await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" }, (stage) =>
      stages.push(stage)
    );
    expect(stages).toEqual([
      "Reading the workbook",
      "Evaluating targets",
      "Writing the KPI Rewards sheet",
    ]);
    expect(new Set(evaluation.results.map((r) => r.status))).toEqual(
      new Set(["Met", "Missed", "Pending", "Insufficient data", "Invalid"])
    );
    expect(state.syncs).toBe(2 + 2 + 3);
  });

  test("the sample refuses to overwrite sheets of the same name", async () => {
    const state = fakeExcel();
    state.addSheet("Targets", [["mine"]]);
    await expect(Excel.run((context) => writeSample(context))).rejects.toThrow(
      "The sample needs the sheet names Targets, which are in use; rename those sheets or start from an empty workbook."
    );
    expect(sheetValues(state, "Targets")).toEqual([["mine"]]);
  });

  test("evaluating a workbook without tables says what to add", async () => {
    fakeExcel().addSheet("Sheet1", [["hello"]]);
    await expect(evaluateInExcel({ asOfMode: "today" })).rejects.toThrow(
      /^No Targets table was found: add a table whose header row has Project, KPI, Start, Window \(or End\) and Target/
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
