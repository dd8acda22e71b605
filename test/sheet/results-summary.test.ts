import type { Evaluation, TargetResult, TeamResult } from "../../src/engine";
import { resultsSummary, targetCounts, targetsSentence } from "../../src/sheet/results-summary";
import { day } from "../support/workbooks";

function team(name: string, eligible: TeamResult["eligible"], reward: number): TeamResult {
  return {
    team: name,
    targets: 1,
    met: 0,
    missed: 0,
    pending: 0,
    review: 0,
    score: null,
    eligible,
    reward,
  };
}

describe("resultsSummary", () => {
  test("team counts add up to the teams, Review included; the reward sums every team's", () => {
    const evaluation: Evaluation = {
      asOf: day("2024-09-30"),
      results: [],
      adjustments: [],
      teams: [
        team("North", "Yes", 1500.25),
        team("South", "No", 2000),
        team("East", "Pending", 0),
        team("West", "Review", 0),
        team("Central", "Review", 0.5),
      ],
      issues: [
        { severity: "error", sheet: "Targets", cell: "E7", message: "Target is empty." },
        { severity: "warning", sheet: "Obs", cell: "B9", message: "Value is text." },
      ],
      tables: [],
    };
    expect(resultsSummary(evaluation)).toEqual({
      asOf: day("2024-09-30"),
      teams: 5,
      eligible: 1,
      notEligible: 1,
      pending: 1,
      review: 2,
      totalReward: 3500.75,
      issues: 2,
    });
  });
});

describe("the targets sentence", () => {
  test("counts every target, Insufficient data and Invalid together as to review", () => {
    const results = ["Met", "Met", "Missed", "Pending", "Invalid", "Insufficient data"].map(
      (status) => ({ status }) as TargetResult
    );
    const evaluation = { results } as unknown as Evaluation;
    expect(targetCounts(evaluation)).toEqual({
      targets: 6,
      met: 2,
      missed: 1,
      pending: 1,
      review: 2,
    });
    expect(targetsSentence(targetCounts(evaluation))).toBe(
      "6 targets: 2 met, 1 missed, 1 pending, 2 to review"
    );
  });
});
