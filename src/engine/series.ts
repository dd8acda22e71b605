import type { Window } from "./window";

/**
 * One Project/KPI's observations, sorted once by date (ties keep their row order). Every window is then
 * answered by binary search, sums by prefix sums, min and max by a segment tree built on first use.
 */
export class Series {
  readonly dates: Float64Array;
  readonly values: Float64Array;
  private readonly prefix: Float64Array;
  private minTree?: Float64Array;
  private maxTree?: Float64Array;

  constructor(dates: Float64Array, values: Float64Array) {
    this.dates = dates;
    this.values = values;
    this.prefix = new Float64Array(values.length + 1);
    for (let i = 0; i < values.length; i++) this.prefix[i + 1] = this.prefix[i] + values[i];
  }

  get length(): number {
    return this.dates.length;
  }

  /** Index of the first observation at or after `day`. */
  lowerBound(day: number): number {
    let lo = 0;
    let hi = this.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.dates[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index range `[first, end)` of the observations inside a window. */
  slice(window: Window): { first: number; end: number } {
    const first = this.lowerBound(window.from);
    const end = Math.max(first, this.lowerBound(window.to));
    return { first, end };
  }

  sum(first: number, end: number): number {
    return this.prefix[end] - this.prefix[first];
  }

  min(first: number, end: number): number {
    this.minTree ??= buildTree(this.values, Math.min, Infinity);
    return queryTree(this.minTree, this.values.length, first, end, Math.min, Infinity);
  }

  max(first: number, end: number): number {
    this.maxTree ??= buildTree(this.values, Math.max, -Infinity);
    return queryTree(this.maxTree, this.values.length, first, end, Math.max, -Infinity);
  }

  median(first: number, end: number): number {
    const window = Array.from(this.values.subarray(first, end)).sort((a, b) => a - b);
    const middle = window.length >>> 1;
    return window.length % 2 === 1 ? window[middle] : (window[middle - 1] + window[middle]) / 2;
  }
}

// An iterative segment tree: leaves at [n, 2n), node i combines 2i and 2i + 1.
function buildTree(
  values: Float64Array,
  combine: (a: number, b: number) => number,
  empty: number
): Float64Array {
  const n = values.length;
  const tree = new Float64Array(2 * n).fill(empty);
  tree.set(values, n);
  for (let i = n - 1; i >= 1; i--) tree[i] = combine(tree[2 * i], tree[2 * i + 1]);
  return tree;
}

function queryTree(
  tree: Float64Array,
  n: number,
  first: number,
  end: number,
  combine: (a: number, b: number) => number,
  empty: number
): number {
  let result = empty;
  for (let lo = first + n, hi = end + n; lo < hi; lo >>>= 1, hi >>>= 1) {
    if (lo & 1) result = combine(result, tree[lo++]);
    if (hi & 1) result = combine(result, tree[--hi]);
  }
  return result;
}

/** Collects observations in any order, then sorts each series once. */
export class SeriesBuilder {
  private readonly dates: number[] = [];
  private readonly values: number[] = [];
  /** Opaque numbers the caller turns back into cells, only for the few observations an issue names. */
  private readonly refs: number[] = [];
  private sorted = true;

  add(date: number, value: number, ref: number): void {
    const n = this.dates.length;
    if (n > 0 && date < this.dates[n - 1]) this.sorted = false;
    this.dates.push(date);
    this.values.push(value);
    this.refs.push(ref);
  }

  /** The series, and the pairs of observations that share a date (both are kept). */
  build(): { series: Series; duplicates: [number, number][] } {
    const n = this.dates.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Sorting indices by (date, row) keeps equal dates in row order, so `first` and `last` are stable.
    if (!this.sorted) order.sort((a, b) => this.dates[a] - this.dates[b] || a - b);
    const dates = new Float64Array(n);
    const values = new Float64Array(n);
    const duplicates: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      dates[i] = this.dates[order[i]];
      values[i] = this.values[order[i]];
      if (i > 0 && dates[i] === dates[i - 1]) {
        duplicates.push([this.refs[order[i - 1]], this.refs[order[i]]]);
      }
    }
    return { series: new Series(dates, values), duplicates };
  }
}
