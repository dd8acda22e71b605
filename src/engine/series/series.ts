import { keepShape } from "../grid/kept-shapes";
import type { Window } from "./window";

/** Days of observations: whole days fit 4 bytes each, a time of day needs 8. */
export type Days = Float64Array | Int32Array;

/**
 * One Project/KPI's observations, sorted once by date (ties keep their row order). Every window is then
 * answered by binary search, sums by prefix sums, min and max by a scan or a segment tree built once
 * scanning would cost more.
 */
export class Series {
  // A series is the range [from, from + length) of arrays it may share with every other series of a
  // workbook: one object each, not four (views are objects the collector copies while they live).
  private readonly allDates: Days;
  private readonly allValues: Float64Array;
  private readonly prefix: Float64Array;
  private readonly from: number;
  readonly length: number;
  // Set in the constructor, so every series has one shape (see kept-shapes.ts).
  private minTree: Float64Array | undefined = undefined;
  private maxTree: Float64Array | undefined = undefined;
  /** Values read by min and max scans, before a tree is built. */
  private scanned = 0;

  /**
   * The observations `[from, end)` of `dates` and `values`. `prefix`, when given, has room at the same
   * places (a buffer the caller is done with): `prefix[from + i]` becomes the sum of the series' values
   * up to and including `i`, added from 0 in order.
   */
  constructor(
    dates: Days,
    values: Float64Array,
    prefix: Float64Array = new Float64Array(values.length),
    from = 0,
    end = dates.length
  ) {
    this.allDates = dates;
    this.allValues = values;
    this.prefix = prefix;
    this.from = from;
    this.length = end - from;
    let running = 0;
    for (let i = from; i < end; i++) prefix[i] = running += values[i];
  }

  /** The days, in order (a view: for the few readers of every day, like the trend picture). */
  get dates(): Days {
    return this.allDates.subarray(this.from, this.from + this.length);
  }

  get values(): Float64Array {
    return this.allValues.subarray(this.from, this.from + this.length);
  }

  /** The value of observation `i`. */
  value(i: number): number {
    return this.allValues[this.from + i];
  }

  /** Index of the first observation at or after `day`. */
  lowerBound(day: number): number {
    const dates = this.allDates;
    let lo = this.from;
    let hi = this.from + this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.from;
  }

  /** The index range `[first, end)` of the observations inside a window. */
  slice(window: Window): { first: number; end: number } {
    const first = this.lowerBound(window.from);
    const end = Math.max(first, this.lowerBound(window.to));
    return { first, end };
  }

  sum(first: number, end: number): number {
    const at = this.from - 1;
    return (end > 0 ? this.prefix[at + end] : 0) - (first > 0 ? this.prefix[at + first] : 0);
  }

  min(first: number, end: number): number {
    if (!this.minTree && this.scan(first, end)) {
      let min = Infinity;
      for (let i = first; i < end; i++) min = Math.min(min, this.allValues[this.from + i]);
      return min;
    }
    this.minTree ??= buildTree(this.values, Math.min, Infinity);
    return queryTree(this.minTree, this.length, first, end, Math.min, Infinity);
  }

  max(first: number, end: number): number {
    if (!this.maxTree && this.scan(first, end)) {
      let max = -Infinity;
      for (let i = first; i < end; i++) max = Math.max(max, this.allValues[this.from + i]);
      return max;
    }
    this.maxTree ??= buildTree(this.values, Math.max, -Infinity);
    return queryTree(this.maxTree, this.length, first, end, Math.max, -Infinity);
  }

  /**
   * Whether a window is cheaper scanned than answered by a tree: while the windows scanned so far
   * hold fewer values than the series (what building a tree reads), a series asked once or twice,
   * as most are, gets no tree and allocates nothing.
   */
  private scan(first: number, end: number): boolean {
    if (this.scanned + (end - first) > this.length) return false;
    this.scanned += end - first;
    return true;
  }

  median(first: number, end: number): number {
    // A typed copy sorts numerically in native code, without a comparator; one reused buffer holds it.
    const n = end - first;
    if (medianRoom.length < n) medianRoom = new Float64Array(Math.max(n, 2 * medianRoom.length));
    const window = medianRoom.subarray(0, n);
    window.set(this.allValues.subarray(this.from + first, this.from + end));
    window.sort();
    const middle = window.length >>> 1;
    return window.length % 2 === 1 ? window[middle] : (window[middle - 1] + window[middle]) / 2;
  }
}

/** The room a median sorts its window in, shared by every series (the engine is synchronous). */
let medianRoom = new Float64Array(64);

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

/** Collects observations in any order, then sorts them once (for small series: formula arguments). */
export class SeriesBuilder {
  private readonly dates: number[] = [];
  private readonly values: number[] = [];
  /** Opaque numbers the caller turns back into cells, only for the few observations an issue names. */
  private readonly refs: number[] = [];

  add(date: number, value: number, ref: number): void {
    this.dates.push(date);
    this.values.push(value);
    this.refs.push(ref);
  }

  /** The series, and the pairs of observations that share a date (both are kept). */
  build(): { series: Series; duplicates: [number, number][] } {
    const dates = Float64Array.from(this.dates);
    const values = Float64Array.from(this.values);
    const duplicates = sortByDate(dates, values, Float64Array.from(this.refs));
    return { series: new Series(dates, values), duplicates };
  }
}

/** Reusable room for sorting, so sorting ten thousand series allocates once, not per series. */
export class SortScratch {
  keys = new Float64Array(0);
  order = new Float64Array(0);
  copy = new Float64Array(0);
  counts = new Int32Array(0);

  /** Makes room for `n` keys and `buckets` counts. */
  room(n: number, buckets = 0): this {
    if (this.keys.length < n) {
      this.keys = new Float64Array(n);
      this.order = new Float64Array(n);
      this.copy = new Float64Array(n);
    }
    if (this.counts.length < buckets) this.counts = new Int32Array(buckets);
    return this;
  }
}

/**
 * Sorts one series in place by (date, row), so equal dates keep their row order and `first`/`last` are
 * stable; returns the refs of the pairs that share a date.
 */
export function sortByDate(
  dates: Float64Array,
  values: Float64Array,
  refs: Float64Array,
  scratch = new SortScratch()
): [number, number][] {
  const n = dates.length;
  const order = dateOrder(dates, n, scratch);
  if (order) {
    const { copy } = scratch.room(n);
    for (const column of [dates, values, refs]) {
      copy.set(column);
      for (let i = 0; i < n; i++) column[i] = copy[order[i]];
    }
  }
  const duplicates: [number, number][] = [];
  for (let i = 1; i < n; i++)
    if (dates[i] === dates[i - 1]) duplicates.push([refs[i - 1], refs[i]]);
  return duplicates;
}

/**
 * Sorts `indices[from, to)`, places in `days` listed in rising order, by their day (equal days keep
 * their order), and writes those days, sorted, to `sorted[from, to)`. Only the indices and the days
 * move: the caller reads every other column once, already in order.
 */
export function sortIndicesByDay(
  indices: Int32Array,
  from: number,
  to: number,
  days: Float64Array,
  sorted: Days,
  scratch: SortScratch
): void {
  const n = to - from;
  const { keys } = scratch.room(n);
  for (let i = 0; i < n; i++) keys[i] = days[indices[from + i]];
  const order = dateOrder(keys, n, scratch);
  if (!order) {
    for (let i = 0; i < n; i++) sorted[from + i] = keys[i];
    return;
  }
  const { copy } = scratch;
  for (let i = 0; i < n; i++) {
    copy[i] = indices[from + i];
    sorted[from + i] = keys[order[i]];
  }
  for (let i = 0; i < n; i++) indices[from + i] = copy[order[i]];
}

/**
 * The stable order of the first `n` dates (in `scratch.order`), or undefined when they are in order
 * already. `dates` may be `scratch.keys`.
 */
function dateOrder(dates: Float64Array, n: number, scratch: SortScratch): Float64Array | undefined {
  let sorted = true;
  let whole = true;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    const date = dates[i];
    if (i > 0 && date < dates[i - 1]) sorted = false;
    if (date !== Math.floor(date)) whole = false;
    if (date < low) low = date;
    if (date > high) high = date;
  }
  if (sorted) return undefined;
  const span = high - low + 1;
  return whole && span <= 4 * n + 64
    ? countingOrder(dates, n, low, span, scratch)
    : packedOrder(dates, n, low, scratch);
}

/** Daily data (whole days over a short span): a stable counting sort by day, linear time. */
function countingOrder(
  dates: Float64Array,
  n: number,
  low: number,
  span: number,
  scratch: SortScratch
): Float64Array {
  const { order, counts } = scratch.room(n, span + 1);
  counts.fill(0, 0, span + 1);
  for (let i = 0; i < n; i++) counts[dates[i] - low + 1]++;
  for (let d = 0; d < span; d++) counts[d + 1] += counts[d];
  for (let i = 0; i < n; i++) order[counts[dates[i] - low]++] = i;
  return order;
}

/**
 * Any dates: each key packs the date (to 2^-fractionBits of a day) above the row index, so the typed
 * array's native numeric sort does the work, about ten times faster than a comparator. Integers below
 * 2^53 are exact: 20 bits cover any day span, the rest is shared by the time of day and the index.
 */
function packedOrder(
  dates: Float64Array,
  n: number,
  low: number,
  scratch: SortScratch
): Float64Array {
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  const scale = 2 ** Math.max(0, 53 - 20 - indexBits);
  const indexScale = 2 ** indexBits;
  const order = scratch.room(n).order.subarray(0, n);
  for (let i = 0; i < n; i++) order[i] = Math.floor((dates[i] - low) * scale) * indexScale + i;
  order.sort();
  for (let i = 0; i < n; i++) order[i] = order[i] % indexScale;
  return order;
}

keepShape(new Series(new Float64Array(0), new Float64Array(0)));
keepShape(new SortScratch());
