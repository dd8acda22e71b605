import type { Direction, TargetType } from "./target";
import type { Parsed } from "../grid/parsed";
import { goalEqualsBaseline, percentOfNonPositiveBaseline } from "../messages";

/** What the target asks for once the baseline is known: the level `T` to reach, and from which side. */
export interface Goal {
  readonly value: number;
  readonly direction: Direction;
}

/** `T` from the baseline `B` and the Target cell `t` (SPEC §3). */
export function goal(
  targetType: TargetType,
  t: number,
  baseline: number,
  direction?: Direction
): Parsed<Goal> {
  if (targetType === "%" && baseline <= 0) {
    return { ok: false, message: percentOfNonPositiveBaseline(baseline) };
  }
  const value =
    targetType === "%" ? baseline * (1 + t) : targetType === "change" ? baseline + t : t;
  if (value === baseline) {
    return { ok: false, message: goalEqualsBaseline(baseline) };
  }
  if (targetType !== "value")
    return { ok: true, value: { value, direction: t > 0 ? "increase" : "decrease" } };
  return {
    ok: true,
    value: { value, direction: direction ?? (value > baseline ? "increase" : "decrease") },
  };
}

/** `(A − B) / |B|`; null when the baseline is 0. */
export function change(actual: number, baseline: number): number | null {
  return baseline === 0 ? null : (actual - baseline) / Math.abs(baseline);
}

/** The share of the promised movement achieved; null where it is undefined (a division by zero). */
export function attainment(
  actual: number,
  baseline: number,
  target: Goal,
  targetType: TargetType
): number | null {
  const T = target.value;
  const alreadyMet = target.direction === "increase" ? baseline >= T : baseline <= T;
  if (targetType === "value" && alreadyMet) {
    const ratio = target.direction === "increase" ? actual / T : T / actual;
    return Number.isFinite(ratio) ? ratio : null;
  }
  const share = (actual - baseline) / (T - baseline);
  return Number.isFinite(share) ? share : null;
}

/** Met when the actual reaches `T` in the target's direction, within 1e-9 of `T`. */
export function isMet(actual: number, target: Goal): boolean {
  const tolerance = 1e-9 * Math.abs(target.value);
  return target.direction === "increase"
    ? actual >= target.value - tolerance
    : actual <= target.value + tolerance;
}
