import type { Series } from "./series";
import type { Window } from "./window";

export type Aggregate = "average" | "sum" | "min" | "max" | "median" | "first" | "last" | "count";

const AGGREGATES: Record<string, Aggregate> = {
  average: "average",
  mean: "average",
  sum: "sum",
  min: "min",
  max: "max",
  median: "median",
  first: "first",
  last: "last",
  count: "count",
};

export const AGGREGATE_NAMES = "average, sum, min, max, median, first, last or count";

/** `Average`, ` MEAN ` → `average`; undefined when the text names no aggregate. */
export function parseAggregate(text: string): Aggregate | undefined {
  return AGGREGATES[text.trim().toLowerCase()];
}

/** Aggregates whose value grows with the length of the window, so baselines of another length are scaled. */
export function isExtensive(aggregate: Aggregate): boolean {
  return aggregate === "sum" || aggregate === "count";
}

export interface WindowAggregate {
  /** The aggregate, or null when the window holds no observation. */
  readonly value: number | null;
  /** How many observations the window holds. */
  readonly count: number;
}

export function aggregateWindow(
  series: Series,
  window: Window,
  aggregate: Aggregate
): WindowAggregate {
  const { first, end } = series.slice(window);
  const count = end - first;
  if (count === 0) return { value: null, count };
  if (aggregate === "count") return { value: count, count };
  return { value: aggregateSlice(series, first, end, aggregate), count };
}

function aggregateSlice(
  series: Series,
  first: number,
  end: number,
  aggregate: Exclude<Aggregate, "count">
): number {
  switch (aggregate) {
    case "average":
      return series.sum(first, end) / (end - first);
    case "sum":
      return series.sum(first, end);
    case "min":
      return series.min(first, end);
    case "max":
      return series.max(first, end);
    case "median":
      return series.median(first, end);
    case "first":
      return series.value(first);
    case "last":
      return series.value(end - 1);
  }
}
