import type { Evaluation } from "./evaluate";
import type { Eligibility } from "./team";

/** What a manager reads first: the team verdicts, the money and how many problems were found. */
export interface ResultsSummary {
  readonly asOf: number;
  readonly teams: number;
  readonly eligible: number;
  readonly notEligible: number;
  readonly pending: number;
  readonly review: number;
  readonly totalReward: number;
  readonly issues: number;
}

/** Team counts that add up to the number of teams (Review included), the total reward, the issues. */
export function resultsSummary(evaluation: Evaluation): ResultsSummary {
  const teams = (eligible: Eligibility) =>
    evaluation.teams.filter((t) => t.eligible === eligible).length;
  return {
    asOf: evaluation.asOf,
    teams: evaluation.teams.length,
    eligible: teams("Yes"),
    notEligible: teams("No"),
    pending: teams("Pending"),
    review: teams("Review"),
    totalReward: evaluation.teams.reduce((sum, t) => sum + t.reward, 0),
    issues: evaluation.issues.length,
  };
}
