import { isDecided, type Status } from "./status";

export interface PayRule {
  readonly reward: number;
  readonly threshold?: number;
  readonly cap?: number;
}

/** Proportional pay applies as soon as a Threshold or a Cap is given. */
export function isProportional(rule: PayRule): boolean {
  return rule.threshold !== undefined || rule.cap !== undefined;
}

/** The reward a target earns (SPEC §4). */
export function payout(status: Status, attainment: number | null, rule: PayRule): number {
  if (!isDecided(status)) return 0;
  if (!isProportional(rule)) return status === "Met" ? rule.reward : 0;
  return proportionalPay(attainment, rule);
}

/** Threshold and Cap each default to 1 when only the other is given. */
export function proportionalPay(attainment: number | null, rule: PayRule): number {
  if (attainment === null || attainment < (rule.threshold ?? 1)) return 0;
  return rule.reward * Math.min(attainment, rule.cap ?? 1);
}
