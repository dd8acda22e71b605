/**
 * What the ribbon's command and its outcome dialog say, worded once (test/commands/texts.test.ts).
 * Amounts and dates arrive formatted by the sheet room, as the pane and the results sheet show them.
 */

/** Shown from the first moment: Excel runs the batch only once the user leaves the cell being edited. */
export const WAITING_FOR_EXCEL =
  "Waiting for Excel (it starts once you leave the cell you are editing)";
export const STARTING = "Starting";

export const EVALUATING = "Evaluating KPIs…";
export const UPDATED = "✓ KPI Rewards updated";
export const NOT_EVALUATED = "✕ KPI Rewards could not evaluate";
export const PANE_HINT =
  "To see every target, team and issue, open the pane: Home tab › KPI Rewards group › Show pane.";

/** `asOf` as formatDay and `totalReward` as formatMoney show them. */
export function updatedMessage(asOf: string, totalReward: string): string {
  return `As of ${asOf}. Total reward: ${totalReward}. See the KPI Rewards sheet.`;
}

export function teamsEligible(eligible: number, teams: number): string {
  return `${eligible} of ${teams} teams eligible`;
}

export function issueCount(issues: number): string {
  return `${issues} issues`;
}
