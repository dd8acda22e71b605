import { evaluateInExcel, selectCell, selectedRange } from "../../src/excel/run";
import { UnfinishedWriteError, WriteStoppedError } from "../../src/excel/write";
import { parseBox, sheetValues, WorkbookState } from "../../tools/fake-excel";
import { atClock } from "../support/clock";
import {
  earlierLayoutHistory,
  fakeExcel,
  leaveStoppedRun2,
  PROCESS_COST_REWARD,
  resultsState,
  sampleWithRuns,
  sheetsBut,
  withSample,
} from "../support/excel-workbook";

const SAMPLE = { asOfMode: "fixed", asOf: "2024-09-30" } as const;
/** 30 Sep 2024 in the 1900 system. */
const AS_OF = 45565;
/** The sample's targets: 5,000 + 1,893.68 (a partial payout) + 8,000. */
const TOTAL = 5000 + 1893.6798296554564 + 8000;

/** Evaluates the sample as the pane does, with the clock at `at` (local time). */
const evaluateAt = (at: Date, settings: Parameters<typeof evaluateInExcel>[0] = SAMPLE) =>
  atClock(at, () => evaluateInExcel(settings));

const history = (state: WorkbookState) => sheetValues(state, "KPI History");
const headerLine = (state: WorkbookState) => sheetValues(state, "KPI Rewards")[1][0] as string;

describe("every Evaluate records its run in KPI History with the results", () => {
  test("the first run is run 1: its KpiRuns line, one KpiRunResults row per target, the owner mark", async () => {
    const state = fakeExcel();
    withSample(state);
    const evaluation = await evaluateAt(new Date(2024, 9, 1, 9, 30));
    expect(evaluation.record?.run).toBe(1);
    const values = history(state);
    // KpiRuns A–L, column M blank, KpiRunResults N–X: both headed on row 1.
    expect(values[0][12]).toBe("");
    expect(values[0].slice(0, 12)).toEqual([
      "Run",
      "As of",
      "Evaluated at",
      "Targets",
      "Met",
      "Missed",
      "Pending",
      "Review",
      "Total reward",
      "Inputs",
      "Approved by",
      "Approved at",
    ]);
    // 1 Oct 2024 is 45566; 09:30 is 9.5/24 of a day.
    expect(values[1].slice(0, 12)).toEqual([
      1,
      AS_OF,
      45566 + 9.5 / 24,
      9,
      2,
      2,
      2,
      3,
      TOTAL,
      evaluation.run!.inputs,
      "",
      "",
    ]);
    expect(evaluation.run!.inputs).toMatch(/^[0-9a-f]{32}$/);
    expect(values[0].slice(13)).toEqual([
      "Run",
      "Project",
      "KPI",
      "Team",
      "Status",
      "Baseline",
      "Actual",
      "Attainment",
      "Payout",
      "Start",
      "Observations",
    ]);
    const results = values.slice(1).map((row) => row.slice(13));
    expect(results.map((row) => [row[0], row[2], row[4], row[8], row[9]])).toEqual([
      [1, "Support calls", "Met", 5000, 45323],
      [1, "First response hours", "Missed", 1893.6798296554564, 45323],
      [1, "Process cost", "Met", 8000, 45352],
      [1, "Invoice cycle days", "Missed", 0, 45352],
      [1, "Sales", "Pending", 0, 45383],
      [1, "Conversion rate", "Insufficient data", 0, 45383],
      [1, "Crash rate", "Invalid", 0, 45413],
      [1, "App rating", "Invalid", 0, 45413],
      [1, "Report runtime", "Pending", 0, 45580],
    ]);
    expect(values.length).toBe(10);
    expect(values.slice(2).every((row) => row.slice(0, 13).every((v) => v === ""))).toBe(true);
    const sheet = resultsState(state, "KPI History")!;
    expect(sheet.tables).toEqual([
      ["KpiRuns", 0, 0, 2, 12],
      ["KpiRunResults", 0, 13, 10, 11],
    ]);
    expect(sheet.owned).toBe(true);
    expect(headerLine(state)).toMatch(/ · 3 issues · run 1$/);
    // The results still open on top.
    expect(state.active?.name).toBe("KPI Rewards");
  });

  test("same as-of date and same inputs: nothing new is recorded and the header line names the run it repeats", async () => {
    const state = fakeExcel();
    withSample(state);
    await evaluateAt(new Date(2024, 9, 1, 9, 30));
    const before = resultsState(state, "KPI History");
    const again = await evaluateAt(new Date(2024, 9, 2, 14, 0));
    expect(again.run?.plan).toEqual({ kind: "repeat", run: 1 });
    expect(again.record?.run).toBe(1);
    expect(resultsState(state, "KPI History")).toEqual(before);
    expect(headerLine(state)).toMatch(/ · same inputs as run 1 \(nothing new recorded\)$/);
  });

  test("changed inputs append run 2 after run 1, whose cells stay at their addresses as they were, and the results say what changed", async () => {
    const state = fakeExcel();
    withSample(state);
    await evaluateAt(new Date(2024, 9, 1, 9, 30));
    const run1 = history(state);
    state.sheet("Targets")!.set(...PROCESS_COST_REWARD, 9000);
    const evaluation = await evaluateAt(new Date(2024, 9, 3, 8, 0));
    expect(evaluation.record?.run).toBe(2);
    const values = history(state);
    // Rows 1–10 hold every cell they held after run 1, but for run 2's KpiRuns line on row 3.
    expect(values.slice(0, 10).map((row, r) => (r === 2 ? row.slice(12) : row))).toEqual(
      run1.map((row, r) => (r === 2 ? row.slice(12) : row))
    );
    expect(values[2].slice(0, 9)).toEqual([2, AS_OF, 45568 + 8 / 24, 9, 2, 2, 2, 3, TOTAL + 1000]);
    expect(values[2][9]).not.toBe(run1[1][9]);
    // Run 1's nine results rows, unchanged, then run 2's nine.
    expect(values.slice(10, 19).map((row) => [row[13], row[15], row[21]])[2]).toEqual([
      2,
      "Process cost",
      9000,
    ]);
    expect(values.length).toBe(19);
    expect(evaluation.results[2].changed).toBe(
      "Met as in run 1 (as of 30 Sep 2024): payout 8,000.00 → 9,000.00"
    );
    expect(evaluation.results[0].changed).toBe("");
    expect(headerLine(state)).toMatch(/ · run 2$/);
  });

  test("a KPI History sheet KPI Rewards did not create is refused and nothing is written", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("KPI History", [["My own notes"], ["keep me"]]);
    const inputs = sheetsBut(state, []);
    await expect(evaluateAt(new Date(2024, 9, 1))).rejects.toThrow(
      'A sheet named "KPI History" already exists and was not created by KPI Rewards, so it is left as it is. Rename or delete it, then evaluate again.'
    );
    expect(sheetsBut(state, [])).toEqual(inputs);
    expect(state.sheet("KPI Rewards")).toBeUndefined();
    expect(state.sheets.map((s) => s.name)).toEqual([
      "Targets",
      "Helpdesk Revamp",
      "Procure-to-Pay",
      "Observations",
      "KPI History",
    ]);
  });

  test("dates in a 1904 workbook: As of and Evaluated at are stored 1,462 lower and read back as the same run", async () => {
    const state = fakeExcel();
    state.date1904 = true;
    withSample(state);
    // The sample's date cells are 1900 serials: move them to the 1904 system, as such a workbook holds them.
    const starts = state.sheet("Targets")!;
    for (let row = 1; row <= 9; row++) starts.set(row, 2, (starts.get(row, 2) as number) - 1462);
    for (const name of ["Helpdesk Revamp", "Procure-to-Pay", "Observations"]) {
      const sheet = state.sheet(name)!;
      const column = sheetValues(state, name)[0].indexOf("Date");
      const rows = sheetValues(state, name).length;
      for (let row = 1; row < rows; row++)
        sheet.set(row, column, (sheet.get(row, column) as number) - 1462);
    }
    const first = await evaluateAt(new Date(2024, 9, 1, 12, 0));
    expect(first.results.map((r) => r.status)).toEqual([
      "Met",
      "Missed",
      "Met",
      "Missed",
      "Pending",
      "Insufficient data",
      "Invalid",
      "Invalid",
      "Pending",
    ]);
    const values = history(state);
    expect(values[1].slice(0, 3)).toEqual([1, AS_OF - 1462, 45566.5 - 1462]);
    expect(state.dateOf(values[1][1] as number)).toBe("2024-09-30");
    expect(values[1][13 + 9]).toBe(45323 - 1462);
    const again = await evaluateAt(new Date(2024, 9, 2));
    expect(again.run?.plan).toEqual({ kind: "repeat", run: 1 });
    expect(again.record?.evaluatedAt).toBe(45566.5);
  });
});

/**
 * A workbook with run 1 recorded and a changed Reward, whose next Evaluate writes run 2: appended to
 * KPI History in place on a host with Table.resize (ExcelApi 1.13), the whole sheet swapped in on an
 * older one (ExcelApi 1.9).
 */
async function rerunScenario(excelApi: number) {
  const build = async () => {
    const state = fakeExcel();
    state.excelApi = excelApi;
    withSample(state);
    await evaluateAt(new Date(2024, 9, 1, 9, 30));
    state.sheet("Targets")!.set(...PROCESS_COST_REWARD, 9000);
    return state;
  };
  const evaluate = () => evaluateAt(new Date(2024, 9, 3, 8, 0));
  const state = await build();
  const snapshot = (s: WorkbookState) => ({
    results: resultsState(s),
    history: resultsState(s, "KPI History"),
    names: [...s.names.keys()],
  });
  const old = snapshot(state);
  const inputs = sheetsBut(state, ["KPI Rewards", "KPI History"]);
  const historyId = state.sheet("KPI History")!.id;
  const start = state.operations;
  await evaluate();
  const operations = state.operations - start;
  return {
    build,
    evaluate,
    snapshot,
    old,
    fresh: snapshot(state),
    inputs,
    operations,
    kept: state.sheet("KPI History")!.id === historyId,
  };
}

describe.each([
  ["appended in place (ExcelApi 1.13)", 1.13],
  ["rewritten whole (ExcelApi 1.9)", 1.9],
])("a failure between the two sheets' writes leaves both as they were: history %s", (_, api) => {
  test("run 2 goes in: KpiRuns A1:L3 and KpiRunResults N1:X19 exactly, the sheet kept or replaced", async () => {
    const run = await rerunScenario(api);
    // Run 1's line and nine rows, then run 2's line and nine rows.
    expect(run.old.history!.tables).toEqual([
      ["KpiRuns", 0, 0, 2, 12],
      ["KpiRunResults", 0, 13, 10, 11],
    ]);
    expect(run.fresh.history!.tables).toEqual([
      ["KpiRuns", 0, 0, 3, 12],
      ["KpiRunResults", 0, 13, 19, 11],
    ]);
    expect(run.fresh.history!.values.length).toBe(19);
    // The status colours: one rule per status label over the whole Status column, never stacked.
    expect(run.fresh.history!.conditionalFormats).toBe(run.old.history!.conditionalFormats);
    expect(run.kept).toBe(api === 1.13);
  });

  test("each operation of a re-run fails in turn: old results and history or new ones, both whole", async () => {
    const run = await rerunScenario(api);
    expect(run.operations).toBeGreaterThan(api === 1.13 ? 60 : 100);
    const outcomes = { old: 0, new: 0 };
    for (let k = 0; k < run.operations; k++) {
      const state = await run.build();
      state.failAt(k, "Excel is busy");
      const error = await run.evaluate().then(
        () => undefined,
        (e: unknown) => e
      );
      expect(sheetsBut(state, ["KPI Rewards", "KPI History"])).toEqual(run.inputs);
      // Cells, both tables' ranges, marks and rules of both sheets: the old ones or the new ones.
      const now = run.snapshot(state);
      const outcome = JSON.stringify(now) === JSON.stringify(run.fresh) ? "new" : "old";
      if (outcome === "old") expect(now).toEqual(run.old);
      expect(error === undefined).toBe(outcome === "new");
      if (error !== undefined) {
        expect(error).toBeInstanceOf(Error);
        if (error instanceof WriteStoppedError)
          expect(error.message).toMatch(
            /^The KPI Rewards sheet with its KPI History was not written: Excel said "Excel is busy \(.+\)"\.$/
          );
      }
      outcomes[outcome]++;
      state.beforeOperation = () => undefined;
      const next = await run.evaluate();
      // Once run 2 is in, evaluating again repeats it: run 2 is recorded once.
      expect(next.record?.run).toBe(2);
      expect(run.snapshot(state).history).toEqual(run.fresh.history);
      if (outcome === "old") expect(run.snapshot(state)).toEqual(run.fresh);
    }
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });

  test("when Excel stops answering from any operation on, no recorded run is lost and the next run records run 2 once", async () => {
    const run = await rerunScenario(api);
    for (let k = 0; k < run.operations; k++) {
      const state = await run.build();
      state.failFrom(k);
      const error = await run.evaluate().then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(Error);
      if (error instanceof UnfinishedWriteError)
        expect((error as Error).message).toMatch(
          /^The KPI Rewards sheet with its KPI History stopped part-way/
        );
      expect(
        sheetsBut(state, ["KPI Rewards", "KPI History", "KPI Rewards (new)", "KPI History (new)"])
      ).toEqual(run.inputs);
      state.beforeOperation = () => undefined;
      const next = await run.evaluate();
      expect(next.record?.run).toBe(2);
      expect(run.snapshot(state).history).toEqual(run.fresh.history);
    }
  });
});

describe("an appended run writes over what a stopped run left", () => {
  test("a stopped run 2's line and 12 rows (5 inside the table): run 2 takes rows 3 and 11–19, rows 20–22 are cleared", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 1);
    leaveStoppedRun2(state, AS_OF);
    state.sheet("Targets")!.set(...PROCESS_COST_REWARD, 9000);
    const evaluation = await evaluateAt(new Date(2024, 9, 3, 8, 0));
    expect(evaluation.record?.run).toBe(2);
    // Compared with run 1, not with the ghost rows.
    expect(evaluation.results[2].changed).toBe(
      "Met as in run 1 (as of 30 Sep 2024): payout 8,000.00 → 9,000.00"
    );
    const values = history(state);
    expect(values.length).toBe(19);
    expect(values[2].slice(0, 9)).toEqual([2, AS_OF, 45568 + 8 / 24, 9, 2, 2, 2, 3, TOTAL + 1000]);
    expect(values.slice(10, 19).map((row) => [row[13], row[15]])).toEqual([
      [2, "Support calls"],
      [2, "First response hours"],
      [2, "Process cost"],
      [2, "Invoice cycle days"],
      [2, "Sales"],
      [2, "Conversion rate"],
      [2, "Crash rate"],
      [2, "App rating"],
      [2, "Report runtime"],
    ]);
    expect(resultsState(state, "KPI History")!.tables).toEqual([
      ["KpiRuns", 0, 0, 3, 12],
      ["KpiRunResults", 0, 13, 19, 11],
    ]);
  });
});

describe("a run that Excel stopped, then a run with fewer targets", () => {
  /** The sample's last target (Report runtime, Targets row 10) removed by hand: eight targets. */
  const dropLastTarget = (state: WorkbookState) => {
    const width = sheetValues(state, "Targets")[0].length;
    for (let c = 0; c < width; c++) state.sheet("Targets")!.set(9, c, "");
  };
  /** What a run records: KPI History whole, its status rules, and the results sheet's cells. */
  const recorded = (state: WorkbookState) => ({
    history: resultsState(state, "KPI History"),
    rules: state.sheet("KPI History")!.conditionalFormats.map((f) => f.address),
    results: sheetValues(state, "KPI Rewards"),
  });

  test("stopped at any operation with nine targets, run 2 of eight leaves exactly what a clean run 2 of eight leaves", async () => {
    const nine = await rerunScenario(1.13);
    const clean = await nine.build();
    dropLastTarget(clean);
    await evaluateAt(new Date(2024, 9, 3, 9, 0));
    const expected = recorded(clean);
    // Run 1's nine rows and run 2's eight: the status rules over R2:R18, and nothing below.
    expect(expected.history!.tables).toEqual([
      ["KpiRuns", 0, 0, 3, 12],
      ["KpiRunResults", 0, 13, 18, 11],
    ]);
    expect(expected.history!.values.length).toBe(18);
    expect(new Set(expected.rules)).toEqual(new Set(["R2:R18"]));
    const outcomes = { stopped: 0, committed: 0 };
    for (let k = 0; k < nine.operations; k++) {
      const state = await nine.build();
      state.failFrom(k);
      await nine.evaluate().catch(() => undefined);
      state.beforeOperation = () => undefined;
      dropLastTarget(state);
      const next = await evaluateAt(new Date(2024, 9, 3, 9, 0));
      if (next.record?.run === 3) {
        // The stopped run had committed run 2 (nine rows): the eight are run 3's.
        outcomes.committed++;
        continue;
      }
      expect(next.record?.run).toBe(2);
      expect(recorded(state)).toEqual(expected);
      outcomes.stopped++;
    }
    expect(outcomes.stopped).toBeGreaterThan(0);
    expect(outcomes.committed).toBeGreaterThan(0);
  });
});

describe("the history is written whole where an append cannot keep its promise, then appended", () => {
  test("an earlier layout (KpiRunResults under KpiRuns) is laid out again once with run 2, every run kept; run 3 is appended in place", async () => {
    const state = fakeExcel();
    const old = earlierLayoutHistory(state, AS_OF - 30);
    withSample(state);
    const second = await evaluateAt(new Date(2024, 9, 1, 9, 30));
    expect(second.record?.run).toBe(2);
    const laid = state.sheet("KPI History")!;
    expect(laid).not.toBe(old);
    expect(resultsState(state, "KPI History")!.tables).toEqual([
      ["KpiRuns", 0, 0, 3, 12],
      ["KpiRunResults", 0, 13, 11, 11],
    ]);
    expect(history(state)[1].slice(0, 2)).toEqual([1, AS_OF - 30]);
    expect(history(state)[1].slice(13, 16)).toEqual([1, "Helpdesk", "Calls"]);
    state.sheet("Targets")!.set(...PROCESS_COST_REWARD, 9000);
    const third = await evaluateAt(new Date(2024, 9, 3, 8, 0));
    expect(third.record?.run).toBe(3);
    expect(state.sheet("KPI History")).toBe(laid);
    expect(resultsState(state, "KPI History")!.tables).toEqual([
      ["KpiRuns", 0, 0, 4, 12],
      ["KpiRunResults", 0, 13, 20, 11],
    ]);
    expect(history(state)[3].slice(0, 2)).toEqual([3, AS_OF]);
  });

  test("a first run stopped at any operation: the next reads the checked sheet's runs whole and puts them in place, the one after appends run 2", async () => {
    const first = fakeExcel();
    withSample(first);
    const start = first.operations;
    await evaluateAt(new Date(2024, 9, 1, 9, 30));
    const operations = first.operations - start;
    // Runs whose history stayed on a checked working sheet standing for KPI History.
    let stray = 0;
    for (let k = 0; k < operations; k++) {
      const state = fakeExcel();
      withSample(state);
      state.failFrom(k);
      await evaluateAt(new Date(2024, 9, 1, 9, 30)).catch(() => undefined);
      const checked = state.sheet("KPI History (new)")?.names.has("KpiRewards_Checked");
      if (checked && !state.sheet("KPI History")) stray++;
      state.beforeOperation = () => undefined;
      const again = await evaluateAt(new Date(2024, 9, 1, 10, 0));
      expect(again.record?.run).toBe(1);
      const sheet = state.sheet("KPI History")!;
      state.sheet("Targets")!.set(...PROCESS_COST_REWARD, 9000);
      const next = await evaluateAt(new Date(2024, 9, 3, 8, 0));
      expect(next.record?.run).toBe(2);
      expect(state.sheet("KPI History")).toBe(sheet);
      expect(resultsState(state, "KPI History")!.tables).toEqual([
        ["KpiRuns", 0, 0, 3, 12],
        ["KpiRunResults", 0, 13, 19, 11],
      ]);
      expect(state.sheets.map((s) => s.name)).not.toContain("KPI History (new)");
    }
    expect(stray).toBeGreaterThan(0);
  });
});

describe("the pane's Excel actions", () => {
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

  test("evaluating a workbook without tables says what to add", async () => {
    fakeExcel().addSheet("Sheet1", [["hello"]]);
    await expect(evaluateInExcel({ asOfMode: "today" })).rejects.toThrow(
      /^No Targets table was found: add a table with a header row of Project, KPI, Start, Window \(or End\) and Target\.$/
    );
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
