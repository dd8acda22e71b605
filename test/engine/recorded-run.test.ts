import { recordedRun } from "../../src/engine/recorded-run";
import type { Evaluation, TargetResult } from "../../src/engine/evaluate";
import type { RunHistory } from "../../src/engine/runs/run-history";
import { day } from "../support/workbooks";

/** A target result with what a run records of it; the rest of the record plays no part here. */
function result(project: string, status: TargetResult["status"], payout: number): TargetResult {
  return {
    project,
    kpi: "Support calls",
    team: project,
    status,
    baseline: 400,
    actual: 300,
    attainment: 1.25,
    payout,
    start: day("2024-02-01"),
    observations: 29,
  } as TargetResult;
}

function evaluation(plan: { kind: "new" | "repeat"; run: number }): Evaluation {
  return {
    asOf: day("2024-03-31"),
    results: [result("Helpdesk", "Met", 5000), result("Billing", "Missed", 0)],
    run: { plan, inputs: "ab".repeat(16) },
  } as unknown as Evaluation;
}

const RUN_1: RunHistory = {
  runs: [
    {
      run: 1,
      asOf: day("2024-02-29"),
      evaluatedAt: day("2024-02-29") + 0.5,
      targets: 1,
      met: 0,
      missed: 0,
      pending: 1,
      review: 0,
      totalReward: 0,
      inputs: "cd".repeat(16),
      approvedBy: "Ana Silva",
      approvedAt: day("2024-03-01"),
    },
  ],
  results: [{ ...result("Helpdesk", "Pending", 0), run: 1 }],
};

describe("recording a run (SPEC §9)", () => {
  test("a new run is appended after the earlier runs, counted from its targets, evaluated at the given time", () => {
    const at = day("2024-03-31") + 570 / 1440;
    const { history, record } = recordedRun(RUN_1, evaluation({ kind: "new", run: 2 }), at);
    expect(record).toEqual({
      run: 2,
      asOf: day("2024-03-31"),
      evaluatedAt: at,
      targets: 2,
      met: 1,
      missed: 1,
      pending: 0,
      review: 0,
      totalReward: 5000,
      inputs: "ab".repeat(16),
    });
    expect(history?.runs).toEqual([RUN_1.runs[0], record]);
    expect(history?.results.map((r) => [r.run, r.project, r.status, r.payout])).toEqual([
      [1, "Helpdesk", "Pending", 0],
      [2, "Helpdesk", "Met", 5000],
      [2, "Billing", "Missed", 0],
    ]);
  });

  test("a repeat of the last run records nothing and is that run, approval included", () => {
    const recorded = recordedRun(RUN_1, evaluation({ kind: "repeat", run: 1 }), day("2024-03-31"));
    expect(recorded.history).toBeUndefined();
    expect(recorded.record).toBe(RUN_1.runs[0]);
  });

  test("an evaluation that was not asked to record a run records nothing", () => {
    const unplanned = { ...evaluation({ kind: "new", run: 2 }), run: undefined };
    expect(recordedRun(RUN_1, unplanned, day("2024-03-31"))).toEqual({});
  });
});
