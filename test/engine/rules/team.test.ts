import { rollUpTeams, type TeamMember } from "../../../src/engine/rules/team";

const member = (team: string, status: TeamMember["status"], extra: Partial<TeamMember> = {}) => ({
  team,
  status,
  attainment: null,
  weight: 1,
  payout: 0,
  ...extra,
});

describe("team roll-up (SPEC §4)", () => {
  test("teams in the order they first appear, each counting its targets by status", () => {
    const teams = rollUpTeams([
      member("North", "Met", { attainment: 1.2, payout: 1000 }),
      member("South", "Pending"),
      member("North", "Invalid"),
      member("North", "Missed", { attainment: 0.5 }),
    ]);
    expect(teams.map((t) => [t.team, t.targets, t.met, t.missed, t.pending, t.review])).toEqual([
      ["North", 3, 1, 1, 0, 1],
      ["South", 1, 0, 0, 1, 0],
    ]);
  });

  test("eligible only when every target is met; a miss decides No before Review and Pending", () => {
    const eligible = (...statuses: TeamMember["status"][]) =>
      rollUpTeams(statuses.map((s) => member("T", s)))[0].eligible;
    expect(eligible("Met", "Met")).toBe("Yes");
    expect(eligible("Met", "Missed", "Invalid", "Pending")).toBe("No");
    expect(eligible("Met", "Insufficient data", "Pending")).toBe("Review");
    expect(eligible("Met", "Pending")).toBe("Pending");
  });

  test("score: weighted mean of attainment capped at each target's cap (1 by default), decided targets only", () => {
    // (2 × min(1.5, 1) + 1 × min(0.6, 1) + 1 × min(1.5, 1.2)) / 4 = (2 + 0.6 + 1.2) / 4 = 0.95
    const [team] = rollUpTeams([
      member("T", "Met", { attainment: 1.5, weight: 2 }),
      member("T", "Missed", { attainment: 0.6 }),
      member("T", "Met", { attainment: 1.5, cap: 1.2 }),
      member("T", "Pending", { attainment: 0.1, weight: 5 }),
    ]);
    expect(team.score).toBeCloseTo(0.95, 12);
    expect(rollUpTeams([member("T", "Pending")])[0].score).toBeNull();
  });

  test("reward sums the payouts, plus the team's adjustments", () => {
    const members = [
      member("T", "Met", { payout: 1500.5 }),
      member("T", "Met", { payout: 499.5 }),
      member("U", "Met", { payout: 10 }),
    ];
    expect(rollUpTeams(members).map((t) => t.reward)).toEqual([2000, 10]);
    expect(rollUpTeams(members, new Map([["T", -500]])).map((t) => t.reward)).toEqual([1500, 10]);
  });
});
