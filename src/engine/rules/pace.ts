import { isMet, type Goal } from "./attainment";
import type { Aggregate } from "../series/aggregate";
import { isExtensive } from "../series/aggregate";
import type { Window } from "../series/window";

/** Whether a Pending target's projection meets its target (SPEC §11). */
export type Pace = "On track" | "At risk";

/** What the rest of the window needs: an average for the remaining observations, or a remaining total. */
export type Need =
  | { readonly aggregate: "average"; readonly average: number; readonly remaining: number }
  | { readonly aggregate: "sum"; readonly total: number };

export interface PaceReading {
  readonly projected: number;
  readonly pace: Pace;
  /** Days of the window up to and including the as-of date (`e`), and all its days (`D`). */
  readonly elapsedDays: number;
  readonly windowDays: number;
  /** Only for `average` and `sum`; other aggregates state the pace alone. */
  readonly need?: Need;
}

/** The observations of the evaluation window so far: their count `n`, sum `Σ` and aggregate. */
export interface SoFar {
  readonly count: number;
  readonly sum: number;
  readonly value: number;
}

/**
 * Projects an open window to its end. Only for a window that has started by the as-of date, is not over
 * and holds an observation; anything else has no pace (undefined).
 */
export function measurePace(
  window: Window,
  aggregate: Aggregate,
  goal: Goal,
  soFar: SoFar,
  asOf: number
): PaceReading | undefined {
  const day = Math.floor(asOf);
  if (soFar.count === 0 || day < window.from || day >= window.to) return undefined;
  const elapsedDays = day - window.from + 1;
  const windowDays = window.to - window.from;
  const projected = isExtensive(aggregate) ? (soFar.value * windowDays) / elapsedDays : soFar.value;
  const pace: Pace = isMet(projected, goal) ? "On track" : "At risk";
  return {
    projected,
    pace,
    elapsedDays,
    windowDays,
    need: needOf(aggregate, goal.value, soFar, elapsedDays, windowDays),
  };
}

function needOf(
  aggregate: Aggregate,
  T: number,
  soFar: SoFar,
  elapsedDays: number,
  windowDays: number
): Need | undefined {
  if (aggregate === "sum") return { aggregate: "sum", total: T - soFar.sum };
  if (aggregate !== "average") return undefined;
  const n = soFar.count;
  // The observations expected by the end at the pace they arrived so far, and at least one more.
  const expected = Math.max(n + 1, Math.round((n * windowDays) / elapsedDays));
  return {
    aggregate: "average",
    average: (T * expected - soFar.sum) / (expected - n),
    remaining: expected - n,
  };
}
