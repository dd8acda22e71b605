import { evaluateTables, findTables, type RunRecord, type RunTargetRecord } from "../../src/engine";
import { resultsSheet } from "../../src/sheet";
import type { HistoryAppend } from "../../src/excel/history-append";
import { readWorkbook } from "../../src/excel/read";
import { evaluateInExcel } from "../../src/excel/run";
import { WriteStoppedError, writeResults } from "../../src/excel/write";
import { sheetValues, type WorkbookState } from "../../tools/fake-excel";
import { atClock } from "../support/clock";
import { fakeExcel, resultsState, withSample } from "../support/excel-workbook";

/** 30 Sep 2024 and 31 Oct 2024, 1900 serials. */
const SEP_30 = 45565;
const OCT_31 = 45596;

/** Run 2 as a hand-made record: 2 targets, one Met paying 500, one Missed. */
const RUN_2: RunRecord = {
  run: 2,
  asOf: OCT_31,
  evaluatedAt: OCT_31 + 0.5,
  targets: 2,
  met: 1,
  missed: 1,
  pending: 0,
  review: 0,
  totalReward: 500,
  inputs: "0123456789abcdef0123456789abcdef",
};

const RESULTS_2: RunTargetRecord[] = [
  {
    run: 2,
    // Text that looks like a formula stays text: its cell is formatted "@" before the value lands.
    project: "=1+1",
    kpi: "Calls",
    team: "Support",
    status: "Met",
    baseline: 10,
    actual: 8,
    attainment: 1,
    payout: 500,
    start: 45323,
    observations: 30,
  },
  {
    run: 2,
    project: "Apollo",
    kpi: "Cost",
    team: "Finance",
    status: "Missed",
    baseline: 100,
    actual: 120,
    attainment: 0,
    payout: 0,
    start: 45352,
    observations: 12,
  },
];

/**
 * The sample with run 1 recorded (9 targets), and what appends RUN_2 to it: read, then write with the
 * operation `failAt` of the write failing, if given; it tells how many operations the write ran.
 */
async function withRun1(): Promise<{
  state: WorkbookState;
  write: (failAt?: number) => Promise<number>;
}> {
  const state = fakeExcel();
  withSample(state);
  // Run 1 is recorded at the same minute every time, so that histories built apart compare equal.
  await atClock(new Date(2024, 9, 1, 9, 30), () =>
    evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" })
  );
  const write = (failAt?: number) =>
    Excel.run(async (context) => {
      const workbook = await readWorkbook(context, { history: true, asOf: OCT_31 });
      const evaluation = evaluateTables(findTables(workbook), { asOf: SEP_30 });
      const append: HistoryAppend = {
        place: workbook.historyPlace!,
        record: RUN_2,
        results: RESULTS_2,
      };
      if (failAt !== undefined) state.failAt(failAt);
      const start = state.operations;
      await writeResults(context, resultsSheet(evaluation, "stamp"), append);
      return state.operations - start;
    });
  return { state, write };
}

describe("a run appended to KPI History in place", () => {
  test("its line goes on row 3 and its rows on 11–12, both tables grow over them, the sheet stays the same sheet", async () => {
    const { state, write } = await withRun1();
    const sheet = state.sheet("KPI History")!;
    const before = sheetValues(state, "KPI History");
    await write();
    expect(state.sheet("KPI History")).toBe(sheet);
    const after = sheetValues(state, "KPI History");
    // Rows 1–10 as they were, but for run 2's KpiRuns line on row 3.
    expect(after.slice(0, 10).map((row, r) => (r === 2 ? row.slice(12) : row))).toEqual(
      before.slice(0, 10).map((row, r) => (r === 2 ? row.slice(12) : row))
    );
    expect(after[2].slice(0, 12)).toEqual([
      2,
      OCT_31,
      OCT_31 + 0.5,
      2,
      1,
      1,
      0,
      0,
      500,
      "0123456789abcdef0123456789abcdef",
      "",
      "",
    ]);
    expect(after.slice(10).map((row) => row.slice(13))).toEqual([
      [2, "=1+1", "Calls", "Support", "Met", 10, 8, 1, 500, 45323, 30],
      [2, "Apollo", "Cost", "Finance", "Missed", 100, 120, 0, 0, 45352, 12],
    ]);
    expect(sheet.format(10, 14)).toBe("@");
    expect(sheet.formulas.size).toBe(0);
    expect(resultsState(state, "KPI History")!.tables).toEqual([
      ["KpiRuns", 0, 0, 3, 12],
      ["KpiRunResults", 0, 13, 12, 11],
    ]);
    // The status colours: the same five rules, now over the whole Status column R2:R12.
    expect(sheet.conditionalFormats.map((f) => f.address)).toEqual(Array(5).fill("R2:R12"));
  });

  test("a failure at each operation in turn: the history as it was (cells, tables, rules) or with run 2, never between", async () => {
    const { state, write } = await withRun1();
    const old = resultsState(state, "KPI History");
    const operations = await write();
    const fresh = resultsState(state, "KPI History");
    expect(operations).toBeGreaterThan(40);
    const outcomes = { old: 0, new: 0 };
    for (let k = 0; k < operations; k++) {
      const run = await withRun1();
      const error = await run.write(k).then(
        () => undefined,
        (e: unknown) => e
      );
      const now = resultsState(run.state, "KPI History");
      if (error === undefined) {
        expect(now).toEqual(fresh);
        outcomes.new++;
      } else {
        expect(error).toBeInstanceOf(WriteStoppedError);
        expect(now).toEqual(old);
        outcomes.old++;
      }
    }
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  });

  test("when clearing the staged rows fails too, they stay under KpiRunResults, outside it, and the next run writes over them", async () => {
    const { state, write } = await withRun1();
    const old = resultsState(state, "KPI History")!;
    // Excel fails deleting the old results sheet (so the swap rolls back), and then every clear.
    let deletes = 0;
    state.beforeOperation = (name) => {
      if (name === "range.clear" || (name === "worksheet.delete" && deletes++ === 0))
        throw new Error(`Excel refused ${name}`);
    };
    await expect(write()).rejects.toBeInstanceOf(WriteStoppedError);
    const left = resultsState(state, "KPI History")!;
    expect(left.tables).toEqual(old.tables);
    expect(left.conditionalFormats).toBe(old.conditionalFormats);
    // KpiRuns' line is written only with the commit; the staged rows stay under KpiRunResults, which
    // AutoExpand took them into and the rollback resized back, so they are outside it.
    expect(left.values[2].slice(0, 12)).toEqual(Array(12).fill(""));
    expect(left.values[11][14]).toBe("Apollo");
    state.beforeOperation = () => undefined;
    await write();
    const after = sheetValues(state, "KPI History");
    expect(after.length).toBe(12);
    expect(after[11].slice(13, 15)).toEqual([2, "Apollo"]);
    expect(resultsState(state, "KPI History")!.tables).toEqual([
      ["KpiRuns", 0, 0, 3, 12],
      ["KpiRunResults", 0, 13, 12, 11],
    ]);
  });
});
