import {
  recordedResultRows,
  recordedRunRows,
  runBlocks,
  runSpans,
  todaysTables,
  type HistoryTable,
} from "../../src/excel/history-place";
import { runLine as run } from "../support/runs";

const table = (name: string, top: number, left: number, rows: number, columns: number) =>
  ({
    name,
    top,
    left,
    rowCount: rows,
    columnCount: columns,
    hasHeaderRow: true,
    totalsRowCount: 0,
  }) satisfies HistoryTable;

describe("today's layout: KpiRuns at A1 (12 columns), KpiRunResults at N1 (11 columns)", () => {
  test("both tables where the writers put them, under any numbered name, are today's layout", () => {
    const runs = table("KpiRuns2", 0, 0, 3, 12);
    const results = table("KpiRunResults", 0, 13, 19, 11);
    expect(todaysTables([results, runs])).toEqual({ runs, results });
  });

  test("KpiRunResults under KpiRuns (the earlier layout), a totals row or a missing table is not", () => {
    expect(todaysTables([table("KpiRuns", 0, 0, 2, 12), table("KpiRunResults", 3, 0, 2, 11)])).toBe(
      undefined
    );
    expect(
      todaysTables([
        table("KpiRuns", 0, 0, 2, 12),
        { ...table("KpiRunResults", 0, 13, 3, 11), totalsRowCount: 1 },
      ])
    ).toBe(undefined);
    expect(todaysTables([table("KpiRuns", 0, 0, 2, 12)])).toBe(undefined);
    // The working name a stopped swap leaves on a checked sheet's table is not a table of the layout.
    expect(
      todaysTables([table("KpiRuns_new", 0, 0, 2, 12), table("KpiRunResults_new", 0, 13, 2, 11)])
    ).toBe(undefined);
  });
});

describe("where the recorded runs end", () => {
  test("KpiRuns: up to the last line with a run number and an as-of date, blank lines after it not counted", () => {
    expect(
      recordedRunRows([
        [1, 45565],
        [2, 45596],
        ["", ""],
      ])
    ).toBe(2);
    expect(recordedRunRows([["", ""]])).toBe(0);
  });

  test("KpiRunResults: up to the last row of a run KpiRuns lists; a stopped run 3's rows after it are not", () => {
    const runs = [run(1, 45565, 2), run(2, 45596, 2)];
    expect(recordedResultRows([1, 1, 2, 2, 3, 3, 3], runs)).toBe(4);
    expect(recordedResultRows([3, 3], runs)).toBe(0);
  });
});

describe("where a run's rows are", () => {
  test("the Run column's stretches of the wanted runs, among the recorded rows only", () => {
    // Rows 4–6 hold runs 1, 3, 3 (one stretch); row 7's run 3 is past the recorded rows.
    expect(runSpans([1, 1, 2, 2, 1, 3, 3, 3], new Set([1, 3]), 7)).toEqual([
      { first: 0, rows: 2 },
      { first: 4, rows: 3 },
    ]);
  });

  test("from the runs' Targets in turn when the table holds exactly their sum: run 2 of 3 + 4 + 2 is rows 3–6", () => {
    const runs = [run(1, 45565, 3), run(2, 45596, 4), run(3, 45626, 2)];
    expect(runBlocks(runs, 9)?.get(2)).toEqual({ first: 3, rows: 4 });
    expect(runBlocks(runs, 9)?.get(3)).toEqual({ first: 7, rows: 2 });
    // A row more or less than 9 (added by hand, or a stopped run's): the Run column has to say.
    expect(runBlocks(runs, 10)).toBe(undefined);
    expect(runBlocks(runs, 8)).toBe(undefined);
    expect(runBlocks([], 1)).toBe(undefined);
  });
});
