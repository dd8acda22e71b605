import { findTables, summariseTables } from "../../src/engine";
import { sampleWorkbook } from "../../src/sheet";
import {
  readProgressText,
  readWorkbook,
  ReadCancelledError,
  READ_RESPONSE_BYTES,
  type ReadProgress,
} from "../../src/excel/read";
import { evaluateInExcel } from "../../src/excel/run";
import { installFakeOffice, parseBox, WorkbookState, type Value } from "../../tools/fake-excel";
import { day } from "../support/workbooks";

const MB5 = 5 * 1024 * 1024;

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
  test("240,000 KpiRunResults rows come back in chunks, every response under 5 MB, and never as input", async () => {
    const state = fakeExcel();
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
