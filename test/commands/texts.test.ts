import * as T from "../../src/commands/texts";

describe("what the ribbon's command and its dialog say, each worded once", () => {
  test("while it runs: waiting for Excel, then its stages under one title", () => {
    expect(T.WAITING_FOR_EXCEL).toBe(
      "Waiting for Excel (it starts once you leave the cell you are editing)"
    );
    expect(T.STARTING).toBe("Starting");
    expect(T.EVALUATING).toBe("Evaluating KPIs…");
  });

  test("how it ended, and where to see every target", () => {
    expect(T.UPDATED).toBe("✓ KPI Rewards updated");
    expect(T.NOT_EVALUATED).toBe("✕ KPI Rewards could not evaluate");
    expect(T.updatedMessage("30 Sep 2024", "14,893.68")).toBe(
      "As of 30 Sep 2024. Total reward: 14,893.68. See the KPI Rewards sheet."
    );
    expect(T.teamsEligible(0, 5)).toBe("0 of 5 teams eligible");
    expect(T.issueCount(3)).toBe("3 issues");
    expect(T.PANE_HINT).toBe(
      "To see every target, team and issue, open the pane: Home tab › KPI Rewards group › Show pane."
    );
  });
});
