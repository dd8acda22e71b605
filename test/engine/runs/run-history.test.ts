import {
  comparedRuns,
  comparisonRun,
  planRun,
  readRunHistory,
  runRecord,
  runsBefore,
  runTargetRecords,
  runToApprove,
  RUN_RESULTS_HEADER,
  RUNS_HEADER,
  type RunTarget,
} from "../../../src/engine/runs/run-history";
import { runLine as run } from "../../support/runs";
import { day } from "../../support/workbooks";

const targets: RunTarget[] = [
  {
    project: "Helpdesk",
    kpi: "Calls",
    team: "Service",
    status: "Met",
    baseline: 412,
    actual: 319.7,
    attainment: 1.12,
    payout: 5000,
    start: day("2024-02-01"),
    observations: 29,
  },
  {
    project: "Helpdesk",
    kpi: "CSAT",
    team: "Service",
    status: "Missed",
    baseline: 80,
    actual: 81,
    attainment: 0.25,
    payout: 0,
    start: day("2024-02-01"),
    observations: 4,
  },
  {
    project: "Shop",
    kpi: "Sales",
    team: "Digital",
    status: "Pending",
    baseline: 100,
    actual: 110,
    attainment: 0.33,
    payout: 0,
    start: day("2024-09-01"),
    observations: 10,
  },
  {
    project: "BI",
    kpi: "Reports",
    team: "BI",
    status: "Invalid",
    baseline: null,
    actual: null,
    attainment: null,
    payout: 0,
    start: null,
  },
];

/** A KPI History sheet's cells as a writer lays them out: title, KpiRuns, two blank rows, KpiRunResults. */
function historySheet(approvedBy: string | null = null) {
  return [
    ["KPI History"],
    [...RUNS_HEADER],
    [
      1,
      day("2024-09-30"),
      day("2024-10-01") + 0.5,
      4,
      1,
      1,
      1,
      1,
      5000,
      "aa11",
      approvedBy,
      approvedBy ? day("2024-10-02") : null,
    ],
    [2, day("2024-10-31"), day("2024-11-01") + 0.25, 4, 1, 1, 1, 1, 5000, "bb22", null, null],
    [],
    [],
    [...RUN_RESULTS_HEADER],
    [1, "Helpdesk", "Calls", "Service", "Met", 412, 319.7, 1.12, 5000, day("2024-02-01"), 29],
    [2, "Helpdesk", "Calls", "Service", "Missed", 412, 341.2, 0.86, 0, day("2024-02-01"), 31],
  ];
}

describe("run history", () => {
  test("a run counts its targets by status and adds up their payouts", () => {
    expect(runRecord(3, day("2024-10-31"), day("2024-11-01"), "ff00", targets)).toEqual({
      run: 3,
      asOf: day("2024-10-31"),
      evaluatedAt: day("2024-11-01"),
      targets: 4,
      met: 1,
      missed: 1,
      pending: 1,
      review: 1,
      totalReward: 5000,
      inputs: "ff00",
    });
  });

  test("each target result becomes one KpiRunResults row of its run", () => {
    const rows = runTargetRecords(3, targets);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({
      run: 3,
      project: "BI",
      kpi: "Reports",
      team: "BI",
      status: "Invalid",
      baseline: null,
      actual: null,
      attainment: null,
      payout: 0,
      start: null,
      observations: null,
    });
  });

  test("KpiRunResults beside KpiRuns on the same header row (both start with Run): each table reads its own columns", () => {
    // Today's layout: KpiRuns A–L, column M blank, KpiRunResults from N; three results, two runs.
    const sheet = historySheet("Jane Roe");
    const runs = sheet.slice(1, 4);
    const results = sheet.slice(6, 9);
    const rows = [0, 1, 2, 3].map((r) => [
      ...(runs[r] ?? Array(12).fill(null)),
      null,
      ...(results[r] ?? [3, "Shop", "Sales", "Digital", "Pending", 100, 110, 0.33, 0, null, 10]),
    ]);
    const history = readRunHistory(rows);
    expect(history.runs.map((r) => [r.run, r.inputs, r.approvedBy])).toEqual([
      [1, "aa11", "Jane Roe"],
      [2, "bb22", undefined],
    ]);
    expect(history.results.map((r) => [r.run, r.project, r.status, r.actual])).toEqual([
      [1, "Helpdesk", "Met", 319.7],
      [2, "Helpdesk", "Missed", 341.2],
      [3, "Shop", "Pending", 110],
    ]);
  });

  test("an earlier version's history, KpiRunResults under KpiRuns, reads back from the sheet's cells", () => {
    const history = readRunHistory(historySheet("Jane Roe"));
    expect(history.runs.map((r) => [r.run, r.inputs, r.approvedBy, r.approvedAt])).toEqual([
      [1, "aa11", "Jane Roe", day("2024-10-02")],
      [2, "bb22", undefined, undefined],
    ]);
    expect(history.results.map((r) => [r.run, r.status, r.actual, r.observations])).toEqual([
      [1, "Met", 319.7, 29],
      [2, "Missed", 341.2, 31],
    ]);
  });

  test("a 1904 workbook's history dates come back in the 1900 system", () => {
    const cells = historySheet().map((row, i) =>
      i === 2 ? row.map((v, c) => (c === 1 && typeof v === "number" ? v - 1462 : v)) : row
    );
    expect(readRunHistory(cells, true).runs[0].asOf).toBe(day("2024-09-30"));
  });

  test("runs are numbered 1, 2, 3…: the next run follows the highest", () => {
    expect(planRun({ runs: [], results: [] }, day("2024-09-30"), "aa11")).toEqual({
      kind: "new",
      run: 1,
    });
    expect(planRun(readRunHistory(historySheet()), day("2024-11-30"), "cc33")).toEqual({
      kind: "new",
      run: 3,
    });
  });

  test("the same as-of date and inputs as the last run record nothing new", () => {
    const history = readRunHistory(historySheet());
    expect(planRun(history, day("2024-10-31"), "bb22")).toEqual({ kind: "repeat", run: 2 });
    expect(planRun(history, day("2024-10-31"), "bb23")).toEqual({ kind: "new", run: 3 });
    expect(planRun(history, day("2024-11-01"), "bb22")).toEqual({ kind: "new", run: 3 });
  });

  test("the history before run N holds only the runs and results numbered below N", () => {
    const history = {
      runs: [1, 2, 3].map((run) => runRecord(run, day("2024-10-31"), day("2024-11-01"), "ab", [])),
      results: [1, 2, 3].flatMap((run) => runTargetRecords(run, targets.slice(0, 2))),
    };
    const before = runsBefore(history, 3);
    expect(before.runs.map((r) => r.run)).toEqual([1, 2]);
    expect(before.results.map((r) => [r.run, r.kpi])).toEqual([
      [1, "Calls"],
      [1, "CSAT"],
      [2, "Calls"],
      [2, "CSAT"],
    ]);
  });

  test("approval takes the last run unless a run is named", () => {
    const history = readRunHistory(historySheet());
    expect(runToApprove(history)).toMatchObject({ ok: true, value: { run: 2 } });
    expect(runToApprove(history, 1)).toMatchObject({ ok: true, value: { run: 1 } });
  });

  test("approval refuses a missing history, a missing run and an approved run", () => {
    expect(runToApprove({ runs: [], results: [] })).toEqual({
      ok: false,
      message: "has no recorded runs (no KPI History sheet); evaluate it first",
    });
    expect(runToApprove(readRunHistory(historySheet()), 7)).toEqual({
      ok: false,
      message: "has no run 7; its runs are 1–2",
    });
    expect(runToApprove(readRunHistory(historySheet("Jane Roe")), 1)).toEqual({
      ok: false,
      message:
        "run 1 was already approved by Jane Roe on 2 Oct 2024; an approved run cannot be approved again",
    });
  });

  test("results compare with the last approved run, else the last run", () => {
    expect(comparisonRun(readRunHistory(historySheet()))?.run).toBe(2);
    expect(comparisonRun(readRunHistory(historySheet("Jane Roe")))?.run).toBe(1);
  });
});

describe("which runs' results are read", () => {
  const runs = [run(1, 45565, 2), run(2, 45596, 2), run(3, 45626, 2)];

  test("as of another date than the last run's: the last run only", () => {
    expect([...comparedRuns(runs, 45657)]).toEqual([3]);
  });

  test("as of the last run's date: it and the run before it, which a repeat of it compares with", () => {
    expect([...comparedRuns(runs, 45626)]).toEqual([3, 2]);
  });

  test("with an approved run: the last approved run, before and after the last run alike", () => {
    const approved = [run(1, 45565, 2, "Ana Silva"), run(2, 45596, 2), run(3, 45626, 2)];
    expect([...comparedRuns(approved, 45657)]).toEqual([1]);
    expect([...comparedRuns(approved, 45626)]).toEqual([1]);
  });

  test("without an as-of date: both, as either may be the one", () => {
    expect([...comparedRuns(runs)]).toEqual([3, 2]);
  });

  test("no runs: none", () => {
    expect(comparedRuns([], 45626).size).toBe(0);
  });
});
