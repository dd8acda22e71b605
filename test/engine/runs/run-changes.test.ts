import { compareWithHistory } from "../../../src/engine/runs/run-changes";
import type { RunHistory, RunTarget } from "../../../src/engine/runs/run-history";
import { day } from "../../support/workbooks";

const start = day("2024-02-01");
const calls: RunTarget = {
  project: "Helpdesk",
  kpi: "Calls",
  team: "Service",
  status: "Missed",
  baseline: 412,
  actual: 341.2,
  attainment: 0.86,
  payout: 0,
  start,
  observations: 31,
};

function history(approvedBy?: string): RunHistory {
  return {
    runs: [
      {
        run: 3,
        asOf: day("2024-10-31"),
        evaluatedAt: day("2024-11-01"),
        targets: 1,
        met: 1,
        missed: 0,
        pending: 0,
        review: 0,
        totalReward: 5000,
        inputs: "aa",
        approvedBy,
      },
    ],
    results: [
      {
        run: 3,
        project: "Helpdesk",
        kpi: "Calls",
        team: "Service",
        status: "Met",
        baseline: 412,
        actual: 319.7,
        attainment: 1.12,
        payout: 5000,
        start,
        observations: 29,
      },
    ],
  };
}

describe("what changed since a run", () => {
  test("a status change names both statuses, the run, its as-of date and what moved", () => {
    const [change] = compareWithHistory([calls], history()).changes;
    expect(change).toEqual({
      previousStatus: "Met",
      previousPayout: 5000,
      changed:
        "Met → Missed since run 3 (as of 31 Oct 2024): actual 319.7 → 341.2 after 2 more observations",
      payoutWarning: undefined,
    });
  });

  test("the same status with another payout names the payouts", () => {
    const lower: RunTarget = {
      ...calls,
      status: "Met",
      actual: 319.7,
      payout: 4000,
      observations: 29,
    };
    expect(compareWithHistory([lower], history()).changes[0].changed).toBe(
      "Met as in run 3 (as of 31 Oct 2024): payout 5,000.00 → 4,000.00"
    );
  });

  test("nothing changed: the sentence is empty", () => {
    const same: RunTarget = {
      ...calls,
      status: "Met",
      actual: 319.7,
      attainment: 1.12,
      payout: 5000,
      observations: 29,
    };
    expect(compareWithHistory([same], history()).changes[0].changed).toBe("");
  });

  test("the same status with other numbers says so", () => {
    const moved: RunTarget = {
      ...calls,
      status: "Met",
      actual: 300,
      payout: 5000,
      observations: 30,
    };
    expect(compareWithHistory([moved], history()).changes[0].changed).toBe(
      "Met as in run 3 (as of 31 Oct 2024): actual 319.7 → 300.0 after 1 more observation"
    );
  });

  test("a target the run did not have is New", () => {
    const other: RunTarget = { ...calls, kpi: "CSAT" };
    expect(compareWithHistory([other], history()).changes[0]).toEqual({
      previousStatus: null,
      previousPayout: null,
      changed: "New",
    });
  });

  test("a target is its Project, KPI and Start: another Start is another target", () => {
    const later: RunTarget = { ...calls, start: day("2024-03-01") };
    expect(compareWithHistory([later], history()).changes[0].changed).toBe("New");
  });

  test("names match ignoring case and repeated spaces", () => {
    const spelled: RunTarget = {
      ...calls,
      project: "HELPDESK",
      kpi: "calls ",
      status: "Met",
      actual: 319.7,
      payout: 5000,
      observations: 29,
    };
    expect(compareWithHistory([spelled], history()).changes[0].changed).toBe("");
  });

  test("a payout that differs from an approved one is a warning", () => {
    const [change] = compareWithHistory([calls], history("Jane Roe")).changes;
    expect(change.payoutWarning).toBe(
      "Helpdesk / Calls: the payout is now 0.00, but run 3 approved 5,000.00 (approved by Jane Roe); check before paying"
    );
  });

  test("a payout that differs from an unapproved run is no warning", () => {
    expect(compareWithHistory([calls], history()).changes[0].payoutWarning).toBeUndefined();
  });

  test("before the first run nothing is compared", () => {
    expect(compareWithHistory([calls], { runs: [], results: [] })).toEqual({
      changes: [{ previousStatus: null, previousPayout: null, changed: "" }],
    });
  });
});
