import { SeriesBuilder, sortByDate } from "../../../src/engine/series/series";

describe("series building", () => {
  test("observations are sorted by date once, ties keep their row order", () => {
    const builder = new SeriesBuilder();
    builder.add(3, 30, 0);
    builder.add(1, 10, 1);
    builder.add(3, 31, 2);
    builder.add(2, 20, 3);
    const { series, duplicates } = builder.build();
    expect(Array.from(series.dates)).toEqual([1, 2, 3, 3]);
    expect(Array.from(series.values)).toEqual([10, 20, 30, 31]);
    expect(duplicates).toEqual([[0, 2]]);
  });

  test("min and max over any slice agree with a scan", () => {
    const builder = new SeriesBuilder();
    const values = [5, -2, 9, 9, 0, 14, -7, 3, 3, 8, 1];
    values.forEach((v, i) => builder.add(i, v, i));
    const { series } = builder.build();
    for (let first = 0; first < values.length; first++) {
      for (let end = first + 1; end <= values.length; end++) {
        const slice = values.slice(first, end);
        expect(series.min(first, end)).toBe(Math.min(...slice));
        expect(series.max(first, end)).toBe(Math.max(...slice));
      }
    }
  });
});

describe("sorting a series by date", () => {
  test("times of day sort within their day, ties keep row order (packed-key sort)", () => {
    const dates = Float64Array.from([3.5, 1.25, 3.5, 1.75, 2]);
    const values = Float64Array.from([1, 2, 3, 4, 5]);
    const refs = Float64Array.from([10, 11, 12, 13, 14]);
    expect(sortByDate(dates, values, refs)).toEqual([[10, 12]]);
    expect(Array.from(dates)).toEqual([1.25, 1.75, 2, 3.5, 3.5]);
    expect(Array.from(values)).toEqual([2, 4, 5, 1, 3]);
  });

  test("whole days far apart sort too (neither path misses a span)", () => {
    const dates = Float64Array.from([45000, 1, 45000, 300]);
    const values = Float64Array.from([1, 2, 3, 4]);
    sortByDate(dates, values, Float64Array.from([0, 1, 2, 3]));
    expect(Array.from(dates)).toEqual([1, 300, 45000, 45000]);
    expect(Array.from(values)).toEqual([2, 4, 1, 3]);
  });
});
