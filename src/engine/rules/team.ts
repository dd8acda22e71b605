import { isDecided, needsReview, type Status } from "./status";

export type Eligibility = "Yes" | "No" | "Review" | "Pending";

export interface TeamResult {
  readonly team: string;
  readonly targets: number;
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  readonly review: number;
  /** Weighted mean of capped attainment over Met and Missed targets; null when there is none. */
  readonly score: number | null;
  readonly eligible: Eligibility;
  readonly reward: number;
}

/** What the team roll-up needs of each target result. */
export interface TeamMember {
  readonly team: string;
  readonly status: Status;
  readonly attainment: number | null;
  readonly weight: number;
  readonly cap?: number;
  readonly payout: number;
}

/**
 * One row per team, in the order teams first appear among the targets (SPEC §4); `adjustments` are
 * added to each team's reward (SPEC §10).
 */
export function rollUpTeams(
  members: readonly TeamMember[],
  adjustments: ReadonlyMap<string, number> = new Map()
): TeamResult[] {
  const teams = new Map<string, TeamMember[]>();
  for (const member of members) {
    const list = teams.get(member.team);
    if (list) list.push(member);
    else teams.set(member.team, [member]);
  }
  return [...teams].map(([team, list]) => {
    const result = teamResult(team, list);
    const adjustment = adjustments.get(team);
    return adjustment === undefined ? result : { ...result, reward: result.reward + adjustment };
  });
}

function teamResult(team: string, members: readonly TeamMember[]): TeamResult {
  const count = (status: Status): number => members.filter((m) => m.status === status).length;
  const met = count("Met");
  const missed = count("Missed");
  const pending = count("Pending");
  const review = members.filter((m) => needsReview(m.status)).length;
  let weighted = 0;
  let weights = 0;
  for (const member of members) {
    if (!isDecided(member.status) || member.attainment === null) continue;
    weighted += member.weight * Math.min(member.attainment, member.cap ?? 1);
    weights += member.weight;
  }
  const eligible: Eligibility =
    missed > 0 ? "No" : review > 0 ? "Review" : pending > 0 ? "Pending" : "Yes";
  return {
    team,
    targets: members.length,
    met,
    missed,
    pending,
    review,
    score: weights > 0 ? weighted / weights : null,
    eligible,
    reward: members.reduce((sum, m) => sum + m.payout, 0),
  };
}
