import { findTables, summariseTables } from "../../src/engine";
import {
  readProgressText,
  readWorkbook,
  ReadCancelledError,
  READ_RESPONSE_BYTES,
  type ReadProgress,
} from "../../src/excel/read";
import { evaluateInExcel } from "../../src/excel/run";
import { parseBox, sheetValues, type Value } from "../../tools/fake-excel";
import {
  earlierLayoutHistory,
  fakeExcel,
  leaveStoppedRun2,
  sampleWithRuns,
  withSample,
} from "../support/excel-workbook";
import { day } from "../support/workbooks";

const MB5 = 5 * 1024 * 1024;

/** `count` long observation rows of one KPI, 1,000 a day from 1 Jan 2024: 10 before `start`, 8 from it. */
function observations(count: number, start: number): Value[][] {
  const rows: Value[][] = [["Project", "KPI", "Date", "Value"]];
  const first = day("2024-01-01");
  for (let i = 0; i < count; i++) {
    const date = first + Math.floor(i / 1000);
    rows.push(["Helpdesk", "Calls", date, date < start ? 10 : 8]);
  }
  return rows;
}

describe("reading within Excel's limits", () => {
  test("a small workbook is read in 2 syncs: names, then used ranges with their rows", async () => {
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

  test("a 100,000-row sheet comes back whole, in chunks of about 4 MiB, each response under 5 MB", async () => {
    const state = fakeExcel();
    state.addSheet("Big", observations(100_000, day("2024-03-01")));
    state.addSheet("Targets", [
      ["Project", "KPI", "Start", "Window", "Target"],
      ["Helpdesk", "Calls", day("2024-03-01"), "30 days", -0.2],
    ]);
    const workbook = await Excel.run((context) => readWorkbook(context));
    const values = workbook.sheets[0].values;
    expect(values).toHaveLength(100_001);
    expect(values[1]).toEqual(["Helpdesk", "Calls", day("2024-01-01"), 10]);
    expect(values[100_000]).toEqual(["Helpdesk", "Calls", day("2024-01-01") + 99, 8]);
    expect(workbook.sheets[1].values[1][4]).toBe(-0.2);
    // Rows are `["Helpdesk","Calls",45292,10],`: 2.9 MB in all, so the first rows and one chunk.
    expect(state.syncs).toBe(3);
    expect(Math.max(...state.responses)).toBeLessThanOrEqual(READ_RESPONSE_BYTES * 1.05);
    expect(Math.max(...state.requests)).toBeLessThan(64 * 1024);
  });

  test("1,048,575 observation rows evaluate, every response under 5 MB, in at most ⌈bytes / 4 MiB⌉ + 2 read syncs", async () => {
    const state = fakeExcel();
    const start = day("2026-01-01");
    state.addSheet("Observations", observations(1_048_575, start));
    state.addSheet("Targets", [
      ["Project", "KPI", "Start", "Window", "Target", "Reward"],
      ["Helpdesk", "Calls", start, "30 days", -0.2, 500],
    ]);
    const progress: ReadProgress[] = [];
    const evaluation = await evaluateInExcel(
      { asOfMode: "fixed", asOf: "2026-12-31" },
      () => undefined,
      {},
      () => undefined,
      { onProgress: (p) => progress.push(p) }
    );
    // Average 10 in the 30 days before 1 Jan 2026 and 8 in the 30 days from it: −20%, met.
    expect(evaluation.results.map((r) => [r.status, r.baseline, r.actual, r.payout])).toEqual([
      ["Met", 10, 8, 500],
    ]);
    expect(Math.max(...state.responses)).toBeLessThan(MB5);
    expect(Math.max(...state.requests)).toBeLessThan(MB5);
    expect(state.largestRead).toBeLessThanOrEqual(5_000_000);
    const reads = progress.length + 2;
    const bytes = state.responses.slice(0, reads).reduce((sum, b) => sum + b, 0);
    expect(reads).toBeLessThanOrEqual(Math.ceil(bytes / READ_RESPONSE_BYTES) + 2);
    // Progress counts every input row once, in order, past the first rows read with the used ranges.
    expect(progress[0].firstRow).toBe(1563);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i].firstRow).toBe(progress[i - 1].lastRow + 1);
    expect(progress[progress.length - 1].lastRow).toBe(1_048_576);
    expect(progress.every((p) => p.totalRows === 1_048_578)).toBe(true);
  }, 180_000);

  test("progress reads as the pane shows it", () => {
    expect(readProgressText({ firstRow: 200_001, lastRow: 400_000, totalRows: 1_048_575 })).toBe(
      "Reading rows 200,001–400,000 of 1,048,575"
    );
  });

  test("cancelling between chunks stops the read before anything is written", async () => {
    const state = fakeExcel();
    // About 130 bytes a row with its note: 60,000 rows are two chunks.
    const note =
      "checked by the service desk lead, see the weekly report for the reasons behind this figure";
    state.addSheet(
      "Observations",
      observations(60_000, day("2024-03-01")).map((row, i) => [...row, i === 0 ? "Notes" : note])
    );
    state.addSheet("Targets", [
      ["Project", "KPI", "Start", "Window", "Target"],
      ["Helpdesk", "Calls", day("2024-03-01"), "30 days", -0.2],
    ]);
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      evaluateInExcel(
        { asOfMode: "today" },
        () => undefined,
        {},
        () => undefined,
        {
          signal: controller.signal,
          onProgress: (p) => {
            seen.push(readProgressText(p));
            controller.abort();
          },
        }
      )
    ).rejects.toThrow(new ReadCancelledError());
    expect(seen).toHaveLength(1);
    // Names, used ranges, one chunk: the abort is seen before the next chunk is asked for.
    expect(state.syncs).toBe(3);
    expect(state.sheet("KPI Rewards")).toBeUndefined();
  });

  test("1,000 sheets: only their used ranges are queued, a few small requests", async () => {
    const state = fakeExcel();
    for (let s = 0; s < 1_000; s++) {
      const rows: Value[][] = [["Date", "Calls", "Tickets"]];
      for (let r = 0; r < 9; r++) rows.push([day("2024-01-01") + r, r, s]);
      state.addSheet(`Project ${s}`, rows);
    }
    const workbook = await Excel.run((context) => readWorkbook(context));
    expect(workbook.sheets).toHaveLength(1_000);
    expect(workbook.sheets[999].values[9]).toEqual([day("2024-01-01") + 8, 8, 999]);
    // Names; used ranges with 3 first rows each; the other 7 rows of 500 sheets per sync.
    expect(state.syncs).toBe(4);
    expect(Math.max(...state.requests)).toBeLessThan(1024 * 1024);
  });

  test("the results sheet and the history sheet are never read, whatever their case", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("kpi rewards", [["Project", "KPI", "Date", "Value"]]);
    state.addSheet("KPI History", [["Project", "KPI", "Date", "Value"]]);
    const workbook = await Excel.run((context) => readWorkbook(context));
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "Targets",
      "Helpdesk Revamp",
      "Procure-to-Pay",
      "Observations",
    ]);
  });

  test("long text further down than the first rows: the overflowing chunk is read again in halves", async () => {
    const state = fakeExcel();
    const rows = observations(60_000, day("2024-03-01")).map((row, i) => [
      ...row,
      i > 2_000 ? "a note that goes on and on ".repeat(10) : "",
    ]);
    rows[0][4] = "Notes";
    state.addSheet("Observations", rows);
    const workbook = await Excel.run((context) => readWorkbook(context));
    expect(workbook.sheets[0].values).toEqual(rows);
    const failed = state.responses.filter((bytes) => bytes > MB5);
    expect(failed.length).toBeGreaterThan(0);
    expect(state.responses.filter((bytes) => bytes <= MB5).length).toBe(
      state.syncs - failed.length
    );
  });
});

describe("the run history is read with the inputs, within the limits", () => {
  test("an older host (ExcelApi below 1.13, no Table.resize to append with): 240,000 KpiRunResults rows come back whole in chunks, every response under 5 MB, and never as input", async () => {
    const state = fakeExcel();
    state.excelApi = 1.9;
    withSample(state);
    await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" });
    const sheet = state.sheet("KPI History")!;
    // Run 1's nine results rows sit on rows 2–10 from column N; 239,991 more rows follow them, as
    // 24 months of 10,000 would.
    for (let i = 0; i < 239_991; i++) {
      const row = 10 + i;
      [1, `Project ${i}`, "Calls", "Team", "Met", 100, 110, 1.1, 500, 45323, 30].forEach((v, c) =>
        sheet.set(row, 13 + c, v)
      );
    }
    const before = state.syncs;
    const workbook = await Excel.run((context) => readWorkbook(context, { history: true }));
    expect(workbook.history?.runs.map((r) => r.run)).toEqual([1]);
    expect(workbook.history?.results.length).toBe(240_000);
    expect(workbook.historyPlace).toBeUndefined();
    expect(workbook.history?.results[239_999]).toEqual({
      run: 1,
      project: "Project 239990",
      kpi: "Calls",
      team: "Team",
      status: "Met",
      baseline: 100,
      actual: 110,
      attainment: 1.1,
      payout: 500,
      start: 45323,
      observations: 30,
    });
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "Targets",
      "Helpdesk Revamp",
      "Procure-to-Pay",
      "Observations",
    ]);
    const responses = state.responses.slice(before);
    expect(Math.max(...responses)).toBeLessThan(MB5);
    // ~16.7 MB of results values and ~9.4 MB of the blank KpiRuns columns beside them (A–M: 13 "" a
    // row) in six chunks of about 4 MiB, after the syncs for names and used ranges.
    expect(state.syncs - before).toBe(8);
    expect(responses.slice(2).reduce((a, b) => a + b, 0)).toBeGreaterThan(25_000_000);
  });

  test("a KPI History sheet KPI Rewards did not write gives no runs and its rows are not read", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("KPI History", [
      ["Run", "As of"],
      [1, 45565],
    ]);
    const workbook = await Excel.run((context) => readWorkbook(context, { history: true }));
    expect(workbook.history).toEqual({ runs: [], results: [] });
    expect(workbook.sheets.map((s) => s.name)).not.toContain("KPI History");
  });
});

/** 30 Sep 2024, the sample's as-of date, as a 1900 serial. */
const SAMPLE_AS_OF = 45565;
/** Each KpiRunResults row read, as [run, KPI, payout]. */
const resultsRead = (workbook: Awaited<ReturnType<typeof readWorkbook>>) =>
  workbook.history!.results.map((r) => [r.run, r.kpi, r.payout]);

describe("today's KPI History layout is read in part: every run, only the compared run's results", () => {
  test("as of another date, only the last run's nine rows are read, and where the next run goes", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 3);
    const workbook = await Excel.run((context) =>
      readWorkbook(context, { history: true, asOf: SAMPLE_AS_OF + 1 })
    );
    expect(workbook.history!.runs.map((r) => r.run)).toEqual([1, 2, 3]);
    expect(resultsRead(workbook).every(([run]) => run === 3)).toBe(true);
    expect(resultsRead(workbook).length).toBe(9);
    expect(resultsRead(workbook)[2]).toEqual([3, "Process cost", 8003]);
    // KpiRuns holds 3 lines under its header, KpiRunResults 3 × 9 rows: the sheet's rows 1–28.
    expect(workbook.historyPlace).toEqual({
      sheet: "KPI History",
      runsTable: "KpiRuns",
      resultsTable: "KpiRunResults",
      runRows: 3,
      resultRows: 27,
      resultsTableRows: 27,
      usedRows: 28,
    });
    expect(workbook.historyStrayed).toBeUndefined();
  });

  test("as of the last run's date, the rows of that run and of the run before it (which a repeat compares with)", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 3);
    const workbook = await Excel.run((context) =>
      readWorkbook(context, { history: true, asOf: SAMPLE_AS_OF })
    );
    expect(resultsRead(workbook).map(([run]) => run)).toEqual([
      ...Array(9).fill(2),
      ...Array(9).fill(3),
    ]);
    expect(resultsRead(workbook)[2]).toEqual([2, "Process cost", 8002]);
  });

  test("an approved run is the one compared with: only run 1's rows are read when run 1 is approved", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 3);
    state.sheet("KPI History")!.set(1, 10, "Ana Silva");
    const workbook = await Excel.run((context) =>
      readWorkbook(context, { history: true, asOf: SAMPLE_AS_OF })
    );
    expect(workbook.history!.runs.map((r) => r.approvedBy)).toEqual([
      "Ana Silva",
      undefined,
      undefined,
    ]);
    expect(resultsRead(workbook).map(([run]) => run)).toEqual(Array(9).fill(1));
    expect(resultsRead(workbook)[2]).toEqual([1, "Process cost", 8000]);
  });

  test("rows of a run KpiRuns does not list (a run stopped before its commit) are not history, inside the table or below it", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 1);
    leaveStoppedRun2(state, SAMPLE_AS_OF);
    const workbook = await Excel.run((context) =>
      readWorkbook(context, { history: true, asOf: SAMPLE_AS_OF + 1 })
    );
    expect(workbook.history!.runs.map((r) => r.run)).toEqual([1]);
    expect(resultsRead(workbook).map(([run]) => run)).toEqual(Array(9).fill(1));
    // Run 1's nine rows are the history; the next run goes on row 11 and clears down to row 22.
    expect(workbook.historyPlace).toMatchObject({ runRows: 1, resultRows: 9, usedRows: 22 });
  });

  test("240,000 KpiRunResults rows over 24 runs: only run 24's 10,000 rows are read, in 4 syncs under 1.5 MB", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 1);
    const sheet = state.sheet("KPI History")!;
    const line = sheetValues(state, "KPI History")[1].slice(0, 12);
    // After run 1's nine rows: runs 2–23 share 229,991 rows, run 24 has the last 10,000; each
    // run's Targets says how many are its.
    const targets = new Map<number, number>();
    for (let i = 0; i < 239_991; i++) {
      const run = i < 229_991 ? 2 + Math.floor((i * 22) / 229_991) : 24;
      targets.set(run, (targets.get(run) ?? 0) + 1);
      [run, `Project ${i}`, "Calls", "Team", "Met", 100, 110, 1.1, 500, 45323, 30].forEach((v, c) =>
        sheet.set(10 + i, 13 + c, v)
      );
    }
    for (let run = 2; run <= 24; run++)
      line.forEach((v, c) => sheet.set(run, c, c === 0 ? run : c === 3 ? targets.get(run)! : v));
    state.tables.find((t) => t.name === "KpiRuns")!.rowCount = 25;
    state.tables.find((t) => t.name === "KpiRunResults")!.rowCount = 240_001;
    const before = state.syncs;
    const workbook = await Excel.run((context) =>
      readWorkbook(context, { history: true, asOf: SAMPLE_AS_OF + 1 })
    );
    expect(workbook.history!.runs.map((r) => r.run)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1)
    );
    expect(workbook.history!.results.length).toBe(10_000);
    expect(workbook.history!.results[9_999]).toMatchObject({ run: 24, project: "Project 239990" });
    expect(workbook.historyPlace).toMatchObject({ runRows: 24, resultRows: 240_000 });
    // Names; used ranges, tables and first rows; the inputs with KpiRuns and the results header;
    // run 24's rows where the runs' Targets put them (rows 230,001–240,000, ~110 bytes each) and
    // the last row's Run cell. The Run column (240,000 cells) is never read.
    expect(state.syncs - before).toBe(4);
    expect(state.largestRead).toBe(110_000);
    const bytes = state.responses.slice(before).reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThan(1_500_000);
    expect(workbook.sheets.map((s) => s.name)).not.toContain("KPI History");
  });

  test("rows sorted by hand, so that the runs' Targets no longer place them: the Run column finds run 2's rows", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 2);
    const sheet = state.sheet("KPI History")!;
    // Run 2's nine rows moved above run 1's: rows 2–10 hold run 2, rows 11–19 run 1.
    const rows = sheetValues(state, "KPI History")
      .slice(1, 19)
      .map((row) => row.slice(13));
    [...rows.slice(9), ...rows.slice(0, 9)].forEach((row, r) =>
      row.forEach((v, c) => sheet.set(1 + r, 13 + c, v))
    );
    const workbook = await Excel.run((context) =>
      readWorkbook(context, { history: true, asOf: SAMPLE_AS_OF + 1 })
    );
    expect(resultsRead(workbook).map(([run]) => run)).toEqual(Array(9).fill(2));
    expect(resultsRead(workbook)[2]).toEqual([2, "Process cost", 8002]);
    // Run 1's rows are now the last recorded ones: the next run goes under them.
    expect(workbook.historyPlace).toMatchObject({ resultRows: 18 });
  });

  test("an earlier layout (KpiRunResults under KpiRuns) is read whole, and no place to append is given", async () => {
    const state = fakeExcel();
    earlierLayoutHistory(state, SAMPLE_AS_OF);
    withSample(state);
    const workbook = await Excel.run((context) =>
      readWorkbook(context, { history: true, asOf: SAMPLE_AS_OF + 1 })
    );
    expect(workbook.history!.runs.map((r) => r.run)).toEqual([1]);
    expect(resultsRead(workbook)).toEqual([[1, "Calls", 500]]);
    expect(workbook.historyPlace).toBeUndefined();
  });
});
