import type { Evaluation } from "../engine/evaluate";
import { STATUSES, needsReview, type Status } from "../engine/rules/status";
import type { Eligibility } from "../engine/rules/team";

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

/** Counts for the header line and the pane's summary. */
export function statusCounts(evaluation: Evaluation): Record<Status, number> & { review: number } {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const result of evaluation.results) counts[result.status]++;
  return { ...counts, review: evaluation.results.filter((r) => needsReview(r.status)).length };
}

/** How many targets ended how: what the results sheet's header line, the CLI and the ribbon count. */
export interface TargetCounts {
  readonly targets: number;
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  readonly review: number;
}

export function targetCounts(evaluation: Evaluation): TargetCounts {
  const counts = statusCounts(evaluation);
  return {
    targets: evaluation.results.length,
    met: counts.Met,
    missed: counts.Missed,
    pending: counts.Pending,
    review: counts.review,
  };
}

/** `9 targets: 2 met, 2 missed, 2 pending, 3 to review`, worded once for every host. */
export function targetsSentence(counts: TargetCounts): string {
  return `${counts.targets} targets: ${counts.met} met, ${counts.missed} missed, ${counts.pending} pending, ${counts.review} to review`;
}
