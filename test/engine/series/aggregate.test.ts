import {
  aggregateWindow,
  parseAggregate,
  type Aggregate,
} from "../../../src/engine/series/aggregate";
import { Series } from "../../../src/engine/series/series";

// Days 10..15 with values 4, 8, 15, 16, 23, 42; day 12 also holds a second observation at noon.
const series = new Series(
  Float64Array.from([10, 11, 12, 12.5, 13, 14, 15]),
  Float64Array.from([4, 8, 15, 1, 16, 23, 42])
);
const all = { from: 10, to: 16 };

describe("the eight aggregates", () => {
  test.each<[Aggregate, number]>([
    ["average", 109 / 7],
    ["sum", 109],
    ["min", 1],
    ["max", 42],
    ["median", 15],
    ["first", 4],
    ["last", 42],
    ["count", 7],
  ])("%s over the whole series is %p", (aggregate, expected) => {
    expect(aggregateWindow(series, all, aggregate)).toEqual({ value: expected, count: 7 });
  });

  test("the median of an even count is the mean of the middle two", () => {
    // Days 11–13 hold 8, 15, 1 and 16: sorted 1, 8, 15, 16.
    expect(aggregateWindow(series, { from: 11, to: 14 }, "median").value).toBe(11.5);
  });

  test("windows are half-open: the day at `to` is outside, a time of day inside its day counts", () => {
    expect(aggregateWindow(series, { from: 12, to: 13 }, "sum")).toEqual({ value: 16, count: 2 });
    expect(aggregateWindow(series, { from: 11, to: 14 }, "min")).toEqual({ value: 1, count: 4 });
    expect(aggregateWindow(series, { from: 13, to: 16 }, "max")).toEqual({ value: 42, count: 3 });
  });

  test("an empty window's aggregate is null, for count too", () => {
    for (const aggregate of ["average", "sum", "count", "min", "median", "last"] as Aggregate[]) {
      expect(aggregateWindow(series, { from: 20, to: 30 }, aggregate)).toEqual({
        value: null,
        count: 0,
      });
    }
  });

  test("aggregate names ignore case and accept mean for average", () => {
    expect(parseAggregate(" Mean ")).toBe("average");
    expect(parseAggregate("MEDIAN")).toBe("median");
    expect(parseAggregate("mode")).toBeUndefined();
  });
});
