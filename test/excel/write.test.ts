import { evaluateWorkbook } from "../../src/engine";
import { historySheet, resultsSheet, SAMPLE_AS_OF } from "../../src/sheet";
import { REWARD_NOTE } from "../../src/sheet/results-sheet";
import { readWorkbook } from "../../src/excel/read";
import { evaluateInExcel } from "../../src/excel/run";
import {
  ForeignSheetError,
  UnfinishedWriteError,
  writeResults,
  WriteStoppedError,
} from "../../src/excel/write";
import { parseBox, sheetValues, WorkbookState, type Value } from "../../tools/fake-excel";
import {
  evaluateAndWrite,
  fakeExcel,
  resultsState,
  sheetsBut,
  withSample,
} from "../support/excel-workbook";
import { day, everyDay } from "../support/workbooks";

const RESULT_TABLES = [
  ["KpiTeams", 14, 0, 6, 9],
  ["KpiResults", 23, 0, 10, 19],
  ["KpiIssues", 35, 0, 4, 4],
];

describe("the KPI Rewards sheet", () => {
  test("a first write takes 3 syncs and lays out values, tables, formats, highlighting and the owner mark", async () => {
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
    expect(values[14].slice(0, 9)).toEqual([
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
    expect(values[16].slice(0, 9)).toEqual([
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
    expect(values[23][0]).toBe("Project");
    expect(values[24].slice(0, 5)).toEqual([
      "Helpdesk Revamp",
      "Service Desk",
      "Support calls",
      day("2024-02-01"),
      day("2024-02-29"),
    ]);
    expect(values[24][12]).toBe("Met");
    expect(values[24][15]).toBe(
      "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%)."
    );
    // Invalid rows leave their numbers blank.
    expect(values[30].slice(5, 10)).toEqual(["", "", "", "", ""]);
    expect(values[35].slice(0, 4)).toEqual(["Severity", "Sheet", "Cell", "Message"]);
    expect(values[36].slice(0, 3)).toEqual(["error", "Helpdesk Revamp", "B229"]);

    const sheet = state.sheet("KPI Rewards")!;
    expect(resultsState(state)).toMatchObject({
      tables: RESULT_TABLES,
      owned: true,
      marks: ["KpiRewards_Owner"],
    });
    // The mark is scoped to the sheet and points into it, so it travels with the sheet.
    expect(sheet.names.get("KpiRewards_Owner")).toMatchObject({ sheet, box: parseBox("A1") });
    expect(state.names.size).toBe(0);
    expect(sheet.format(24, 3)).toBe("yyyy-mm-dd");
    expect(sheet.format(24, 8)).toBe("0.0%");
    expect(sheet.format(24, 13)).toBe("#,##0.00");
    expect(sheet.format(24, 0)).toBe("@");
    expect(
      sheet.conditionalFormats.map((f) => [
        f.address,
        f.type,
        f.rule?.formula1 ?? f.barColor,
        f.fill,
      ])
    ).toEqual([
      ["H16:H20", "CellValue", '="Yes"', "#C6EFCE"],
      ["H16:H20", "CellValue", '="No"', "#FFC7CE"],
      ["H16:H20", "CellValue", '="Pending"', "#FFEB9C"],
      ["H16:H20", "CellValue", '="Review"', "#E7E6E6"],
      ["J25:J33", "DataBar", "#5B9BD5", undefined],
      ["L25:L33", "CellValue", '="On track"', "#C6EFCE"],
      ["L25:L33", "CellValue", '="At risk"', "#FFEB9C"],
      ...["M", "Q"].flatMap((column) => [
        [`${column}25:${column}33`, "CellValue", '="Met"', "#C6EFCE"],
        [`${column}25:${column}33`, "CellValue", '="Missed"', "#FFC7CE"],
        [`${column}25:${column}33`, "CellValue", '="Pending"', "#FFEB9C"],
        [`${column}25:${column}33`, "CellValue", '="Insufficient data"', "#E7E6E6"],
        [`${column}25:${column}33`, "CellValue", '="Invalid"', "#E7E6E6"],
      ]),
    ]);
    // The manager's summary above the tables, and the totals under the teams.
    expect(values.slice(3, 10).map((row) => row.slice(0, 2))).toEqual([
      ["As of", SAMPLE_AS_OF],
      ["Teams eligible", 0],
      ["Teams not eligible", 2],
      ["Teams pending", 1],
      ["Teams to review", 2],
      ["Total reward", values[20][8]],
      ["Issues", 3],
    ]);
    expect(values[8][1]).toBeCloseTo(14893.68, 2);
    expect(values[11][0]).toBe(REWARD_NOTE[0]);
    expect(values[12][0]).toBe(REWARD_NOTE[1]);
    expect(values[20].slice(0, 9)).toEqual(["Total", 9, 2, 2, 2, 3, "", "", values[8][1]]);
    expect(sheet.format(3, 1)).toBe("yyyy-mm-dd");
    expect(sheet.format(8, 1)).toBe("#,##0.00");
    // Header rows frozen and repeated on every landscape page, one page wide; explanations wrap.
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      centerHeader: "&BKPI Rewards as of 30 Sep 2024",
      centerFooter: "Page &P of &N",
    });
    const looks = (what: string) =>
      sheet.looks.filter((l) => l.what === what).map((l) => [l.address, l.value]);
    expect(looks("wrapText")).toEqual([["P1:P1048576", true]]);
    expect(looks("columnWidth")[15]).toEqual(["P1:P1048576", 529]);
    expect(looks("columnWidth")[0]).toEqual(["A1:A1048576", 88]);
    expect(looks("autofitRows")).toEqual([["A25:XFD33", true]]);
    expect(looks("font.italic")).toEqual([
      ["A12", true],
      ["A13", true],
    ]);
    expect(state.sheets.map((s) => s.name)).toEqual([
      "Targets",
      "Helpdesk Revamp",
      "Procure-to-Pay",
      "Observations",
      "KPI Rewards",
    ]);
    expect(state.active).toBe(sheet);
  });

  test("a re-run takes 4 syncs, replaces the sheet whole, keeps the table names and touches no input cell", async () => {
    const state = fakeExcel();
    withSample(state);
    const inputs = sheetsBut(state, []);
    await evaluateAndWrite("same time");
    const first = resultsState(state);
    const before = state.syncs;
    await evaluateAndWrite("same time");
    expect(state.syncs - before).toBe(2 + 4);
    expect(resultsState(state)).toEqual(first);
    expect(resultsState(state)?.tables).toEqual(RESULT_TABLES);
    expect(sheetsBut(state, ["KPI Rewards"])).toEqual(inputs);
    expect(state.sheets.map((s) => s.name)).toEqual([...Object.keys(inputs), "KPI Rewards"]);
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
    await evaluateAndWrite("now");
    const sheet = state.sheet("KPI Rewards")!;
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.get(20, 0)).toBe(name);
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
    await evaluateAndWrite("now");
    expect(resultsState(state)?.tables[1]).toEqual(["KpiResults", 12_018, 0, 12_001, 19]);
    expect(Math.max(...state.requests)).toBeLessThan(5 * 1024 * 1024);
    expect(state.syncs).toBeGreaterThan(5);
  });

  test("two tables that each fit one request but not together are sent in two (KPI History's 3 MB tables)", async () => {
    const state = fakeExcel();
    withSample(state);
    const workbook = await Excel.run((context) => readWorkbook(context));
    const evaluation = evaluateWorkbook(workbook, { asOf: SAMPLE_AS_OF });
    // KpiRuns ≈ 85 bytes a row as JSON, KpiRunResults ≈ 65: about 3 MB each, 6 MB together.
    const runs = Array.from({ length: 36_000 }, (_, i) => ({
      run: i + 1,
      asOf: 45565,
      evaluatedAt: 45565.5,
      targets: 9,
      met: 2,
      missed: 2,
      pending: 2,
      review: 3,
      totalReward: 14893.68,
      inputs: "0123456789abcdef0123456789abcdef",
    }));
    const results = Array.from({ length: 46_000 }, (_, i) => ({
      run: 36_000,
      project: `Project ${i}`,
      kpi: "Calls",
      team: "Support",
      status: "Met" as const,
      baseline: 100,
      actual: 80,
      attainment: 1,
      payout: 500,
      start: 45500,
      observations: 30,
    }));
    const before = state.syncs;
    await Excel.run((context) =>
      writeResults(context, resultsSheet(evaluation, "now"), historySheet({ runs, results }))
    );
    const requests = state.requests.slice(before);
    expect(Math.max(...requests)).toBeLessThan(5 * 1024 * 1024);
    // The three syncs of a first write, and one more: KpiRunResults waits for its own request.
    expect(requests).toHaveLength(4);
    expect(sheetValues(state, "KPI History")[36_000][0]).toBe(36_000);
  });
});

describe("ownership: only the sheet KPI Rewards wrote is replaced", () => {
  const foreign =
    'A sheet named "KPI Rewards" already exists and was not created by KPI Rewards, so it is left as it is. Rename or delete it, then evaluate again.';

  test("a KPI Rewards sheet the add-in did not create is never overwritten", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("KPI Rewards", [["my notes"]]);
    const before = sheetsBut(state, []);
    await expect(evaluateAndWrite("now")).rejects.toThrow(ForeignSheetError);
    await expect(evaluateAndWrite("now")).rejects.toThrow(foreign);
    expect(sheetsBut(state, [])).toEqual(before);
  });

  test("sheet names compare without case: a user's 'kpi rewards' sheet is refused too", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("kpi rewards", [["mine"]]);
    await expect(evaluateAndWrite("now")).rejects.toThrow(
      'A sheet named "kpi rewards" already exists and was not created by KPI Rewards'
    );
    expect(sheetValues(state, "kpi rewards")).toEqual([["mine"]]);
    expect(state.sheets).toHaveLength(5);
  });

  test("a renamed results sheet is kept: the next run writes a new sheet whose tables get numbered names", async () => {
    const state = fakeExcel();
    withSample(state);
    await evaluateAndWrite("January");
    state.sheet("KPI Rewards")!.name = "Jan results";
    const january = resultsState(state, "Jan results");
    expect(january?.owned).toBe(true);

    await evaluateAndWrite("February");
    expect(resultsState(state, "Jan results")).toEqual(january);
    const numbered = [
      ["KpiTeams2", 14, 0, 6, 9],
      ["KpiResults2", 23, 0, 10, 19],
      ["KpiIssues2", 35, 0, 4, 4],
    ];
    expect(resultsState(state)).toMatchObject({ tables: numbered, owned: true });
    expect(sheetValues(state, "KPI Rewards")[1][0]).toMatch(/evaluated February/);

    // Running again replaces only the new sheet, which keeps its names.
    await evaluateAndWrite("March");
    expect(resultsState(state, "Jan results")).toEqual(january);
    expect(resultsState(state)?.tables).toEqual(numbered);
  });

  test("after renaming the results away, a KPI Rewards sheet the user makes is protected", async () => {
    const state = fakeExcel();
    withSample(state);
    await evaluateAndWrite("January");
    // The old check matched any owner name containing "KPI Rewards": "KPI Rewards Jan" did.
    state.sheet("KPI Rewards")!.name = "KPI Rewards Jan";
    state.addSheet("KPI Rewards", [["my own summary"]]);
    const before = sheetsBut(state, []);
    await expect(evaluateAndWrite("February")).rejects.toThrow(foreign);
    expect(sheetsBut(state, [])).toEqual(before);
  });

  test("a workbook-scoped mark from an earlier version is honoured and replaced by the sheet's own", async () => {
    const state = fakeExcel();
    withSample(state);
    await evaluateAndWrite("old version");
    const sheet = state.sheet("KPI Rewards")!;
    const mark = sheet.names.get("KpiRewards_Owner")!;
    sheet.names.delete("KpiRewards_Owner");
    state.names.set("KpiRewards_Owner", mark);

    await evaluateAndWrite("new version");
    expect(state.names.size).toBe(0);
    expect(resultsState(state)).toMatchObject({
      owned: true,
      marks: ["KpiRewards_Owner"],
      tables: RESULT_TABLES,
    });
  });

  test("a legacy mark pointing at a renamed sheet does not make a user's KPI Rewards sheet ours", async () => {
    const state = fakeExcel();
    withSample(state);
    const kept = state.addSheet("KPI Rewards Jan", [["January results"]]);
    state.names.set("KpiRewards_Owner", {
      name: "KpiRewards_Owner",
      sheet: kept,
      box: parseBox("A1"),
      comment: "",
    });
    state.addSheet("KPI Rewards", [["mine"]]);
    await expect(evaluateAndWrite("now")).rejects.toThrow(foreign);
    expect(sheetValues(state, "KPI Rewards")).toEqual([["mine"]]);
    expect(state.names.has("KpiRewards_Owner")).toBe(true);
  });

  test("a user's sheet named like the working sheet is never deleted", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("KPI Rewards (new)", [["my draft"]]);
    await evaluateAndWrite("first");
    await evaluateAndWrite("second");
    expect(sheetValues(state, "KPI Rewards (new)")).toEqual([["my draft"]]);
    expect(resultsState(state)?.tables).toEqual(RESULT_TABLES);
    expect(state.sheets.map((s) => s.name)).toContain("KPI Rewards (new)");
    expect(state.sheets).toHaveLength(6);
  });

  test("table names stay unique in the workbook: a user's table or name called KpiResults is left alone", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addTable(state.sheet("Targets")!, parseBox("A1:O10"), "KpiResults");
    state.names.set("KpiTeams", {
      name: "KpiTeams",
      sheet: state.sheet("Observations")!,
      box: parseBox("A1:D87"),
      comment: "",
    });
    await evaluateAndWrite("first");
    await evaluateAndWrite("second");
    expect(resultsState(state)?.tables.map((t) => t[0])).toEqual([
      "KpiTeams2",
      "KpiResults2",
      "KpiIssues",
    ]);
    expect(state.tables.find((t) => t.name === "KpiResults")?.sheet.name).toBe("Targets");
  });
});

/** The user's sheets, the results before and after a clean re-run, and a workbook to break. */
async function scenario(kind: "re-run" | "first run" | "legacy mark") {
  const reference = fakeExcel();
  withSample(reference);
  const read = await Excel.run((context) => readWorkbook(context));
  const evaluation = evaluateWorkbook(read, { asOf: SAMPLE_AS_OF });
  const write = (at: string) =>
    Excel.run((context) => writeResults(context, resultsSheet(evaluation, at)));
  const build = async (): Promise<WorkbookState> => {
    const state = fakeExcel();
    withSample(state);
    if (kind !== "first run") await write("before");
    if (kind === "legacy mark") {
      const sheet = state.sheet("KPI Rewards")!;
      state.names.set("KpiRewards_Owner", sheet.names.get("KpiRewards_Owner")!);
      sheet.names.delete("KpiRewards_Owner");
    }
    return state;
  };
  const state = await build();
  const inputs = sheetsBut(state, ["KPI Rewards"]);
  const old = { results: resultsState(state), names: [...state.names.keys()] };
  const start = state.operations;
  await write("after");
  const operations = state.operations - start;
  const fresh = { results: resultsState(state), names: [] };
  return { build, inputs, old, fresh, operations, write: () => write("after") };
}

/** The workbook holds the user's sheets untouched and either the old results or the new, whole. */
function expectOldOrNew(
  state: WorkbookState,
  { inputs, old, fresh }: Awaited<ReturnType<typeof scenario>>
): "old" | "new" {
  expect(sheetsBut(state, ["KPI Rewards"])).toEqual(inputs);
  const now = { results: resultsState(state), names: [...state.names.keys()] };
  if (JSON.stringify(now) === JSON.stringify(fresh)) return "new";
  expect(now).toEqual(old);
  return "old";
}

describe("a failure at any single operation leaves the old results or the new, never half", () => {
  for (const kind of ["re-run", "first run", "legacy mark"] as const) {
    test(`${kind}: each operation of the write fails in turn; the next run always works`, async () => {
      const run = await scenario(kind);
      expect(run.operations).toBeGreaterThan(50);
      const outcomes = { old: 0, new: 0 };
      for (let k = 0; k < run.operations; k++) {
        const state = await run.build();
        state.failAt(k, "Excel is busy");
        const result = await run.write().then(
          () => undefined,
          (error: unknown) => error
        );
        if (result !== undefined) {
          expect(result).toBeInstanceOf(WriteStoppedError);
          expect((result as Error).message).toMatch(
            /^The KPI Rewards sheet was not written: Excel said "Excel is busy \(.+\)"\.$/
          );
        }
        const outcome = expectOldOrNew(state, run);
        // The run reports success exactly when the new results are in place.
        expect(outcome).toBe(result === undefined ? "new" : "old");
        outcomes[outcome]++;
        state.beforeOperation = () => undefined;
        await run.write();
        expect(expectOldOrNew(state, run)).toBe("new");
      }
      // Failures before the swap keep the old results; failures in the swap complete it.
      expect(outcomes.old).toBeGreaterThan(0);
      expect(outcomes.new).toBeGreaterThan(0);
    });
  }

  test("when Excel stops answering from any operation on, the next run cleans up and writes", async () => {
    const run = await scenario("re-run");
    for (let k = 0; k < run.operations; k++) {
      const state = await run.build();
      state.failFrom(k);
      const error = await run.write().then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(Error);
      if (error instanceof UnfinishedWriteError)
        expect(error.message).toMatch(
          /^The KPI Rewards sheet stopped part-way \(Excel said "Excel stopped responding \(.+\)"\) and could not be tidied up \(.+\)\. Run it again: the next run removes what was left and writes it afresh\.$/
        );
      // Whatever is left, no user sheet changed.
      expect(sheetsBut(state, ["KPI Rewards", "KPI Rewards (new)"])).toEqual(run.inputs);
      state.beforeOperation = () => undefined;
      await run.write();
      expect(expectOldOrNew(state, run)).toBe("new");
    }
  });
});

describe("dates in the workbook's own system", () => {
  test("a 1904 workbook evaluated through the add-in shows Start and End on the right days", async () => {
    const state = fakeExcel();
    state.date1904 = true;
    state.addSheet("Targets", [
      ["Project", "KPI", "Start", "Window", "Target"],
      ["Helpdesk", "Calls", state.serialOf("2024-02-01"), "1 month", -0.2],
    ]);
    state.addSheet("Obs", [
      ["Project", "KPI", "Date", "Value"],
      ...[...everyDay("2024-01-01", 31, 10), ...everyDay("2024-02-01", 29, 7)].map(([d, v]) => [
        "Helpdesk",
        "Calls",
        state.serialOf(d),
        v,
      ]),
    ]);
    const evaluation = await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-03-31" });
    expect(evaluation.results[0].status).toBe("Met");
    const values = sheetValues(state, "KPI Rewards");
    const row = values[20];
    // 1 Feb 2024 is 45323 in the 1900 system, 45323 − 1462 = 43861 in the 1904 one.
    expect(row.slice(3, 5)).toEqual([43861, 43889]);
    expect(row.slice(3, 5).map((serial) => state.dateOf(serial as number))).toEqual([
      "2024-02-01",
      "2024-02-29",
    ]);
    // The summary's as-of date too: 31 Mar 2024 is 45382 − 1462 = 43920.
    expect(values[3].slice(0, 2)).toEqual(["As of", 43920]);
    expect(state.dateOf(values[3][1] as number)).toBe("2024-03-31");
  });

  test("a 1900 workbook keeps the engine's serials", async () => {
    const state = fakeExcel();
    withSample(state);
    await evaluateAndWrite("now");
    const row = sheetValues(state, "KPI Rewards")[24];
    expect(row.slice(3, 5).map((serial) => state.dateOf(serial as number))).toEqual([
      "2024-02-01",
      "2024-02-29",
    ]);
  });
});
