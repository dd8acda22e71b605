import { serialFromCivil } from "../../../src/engine/grid/date";
import { measurePace } from "../../../src/engine/rules/pace";

// A 31-day window: days 100 … 130.
const window = { from: 100, to: 131 };
const increase = (value: number) => ({ value, direction: "increase" as const });
const decrease = (value: number) => ({ value, direction: "decrease" as const });

describe("pace", () => {
  test("sum: projected = the sum so far × D / e, and the rest needs T − Σ", () => {
    // e = 109 − 100 + 1 = 10 of D = 31 days; 200 × 31 / 10 = 620 ≥ 600.
    const reading = measurePace(
      window,
      "sum",
      increase(600),
      { count: 4, sum: 200, value: 200 },
      109
    );
    expect(reading).toEqual({
      projected: 620,
      pace: "On track",
      elapsedDays: 10,
      windowDays: 31,
      need: { aggregate: "sum", total: 400 },
    });
  });

  test("count: projected scales like sum, with no need stated", () => {
    // 6 observations in 10 of 31 days → 18.6 expected, short of 20.
    const reading = measurePace(
      window,
      "count",
      increase(20),
      { count: 6, sum: 90, value: 6 },
      109
    );
    expect(reading?.projected).toBeCloseTo(18.6, 12);
    expect(reading?.pace).toBe("At risk");
    expect(reading?.need).toBeUndefined();
  });

  test("average: N = max(n + 1, round(n·D / e)) and the rest needs (T·N − Σ) / (N − n)", () => {
    // n = 4, Σ = 200, average 50; N = max(5, round(4 × 31 / 10 = 12.4)) = 12;
    // (55 × 12 − 200) / (12 − 4) = 460 / 8 = 57.5.
    const reading = measurePace(
      window,
      "average",
      increase(55),
      { count: 4, sum: 200, value: 50 },
      109
    );
    expect(reading).toEqual({
      projected: 50,
      pace: "At risk",
      elapsedDays: 10,
      windowDays: 31,
      need: { aggregate: "average", average: 57.5, remaining: 8 },
    });
  });

  test("a decrease target is on track when the projection is at or below T", () => {
    const on = measurePace(window, "average", decrease(80), { count: 2, sum: 140, value: 70 }, 105);
    const risk = measurePace(
      window,
      "average",
      decrease(80),
      { count: 2, sum: 180, value: 90 },
      105
    );
    expect(on?.pace).toBe("On track");
    expect(risk?.pace).toBe("At risk");
    // e = 6; N = max(3, round(2 × 31 / 6 = 10.33)) = 10; (80 × 10 − 180) / 8 = 77.5.
    expect(risk?.need).toEqual({ aggregate: "average", average: 77.5, remaining: 8 });
  });

  test("on the first day of the window e = 1: a sum is projected over every day", () => {
    const reading = measurePace(
      window,
      "sum",
      increase(600),
      { count: 1, sum: 10, value: 10 },
      100
    );
    expect(reading?.projected).toBe(310);
    expect(reading?.elapsedDays).toBe(1);
    // N = max(2, round(31)) = 31; (20 × 31 − 10) / 30 = 20.333…
    const average = measurePace(
      window,
      "average",
      increase(20),
      { count: 1, sum: 10, value: 10 },
      100
    );
    expect(average?.need).toEqual({ aggregate: "average", average: 610 / 30, remaining: 30 });
  });

  test("on the last day e = D: the projection is the value so far, and one more observation is expected", () => {
    const reading = measurePace(
      window,
      "sum",
      increase(600),
      { count: 30, sum: 590, value: 590 },
      130
    );
    expect(reading?.projected).toBe(590);
    expect(reading?.pace).toBe("At risk");
    // N = max(31, round(30)) = 31; (20 × 31 − 590) / 1 = 30.
    const average = measurePace(
      window,
      "average",
      increase(20),
      { count: 30, sum: 590, value: 590 / 30 },
      130
    );
    expect(average?.need).toEqual({ aggregate: "average", average: 30, remaining: 1 });
  });

  test("across a month end: 31 Jan + 1 month ends on 29 Feb 2024, so D = 29", () => {
    const from = serialFromCivil(2024, 1, 31);
    const to = serialFromCivil(2024, 2, 29);
    const asOf = serialFromCivil(2024, 2, 14);
    // e = 15 (31 Jan … 14 Feb); 30 × 29 / 15 = 58.
    const reading = measurePace(
      { from, to },
      "sum",
      decrease(50),
      { count: 5, sum: 30, value: 30 },
      asOf
    );
    expect(reading).toMatchObject({
      elapsedDays: 15,
      windowDays: 29,
      projected: 58,
      pace: "At risk",
    });
  });

  test("other aggregates project the value so far and state only the pace", () => {
    const reading = measurePace(
      window,
      "max",
      increase(100),
      { count: 3, sum: 270, value: 120 },
      110
    );
    expect(reading).toEqual({
      projected: 120,
      pace: "On track",
      elapsedDays: 11,
      windowDays: 31,
      need: undefined,
    });
  });

  test("no pace before the window opens, once it is over, or without an observation", () => {
    const soFar = { count: 1, sum: 10, value: 10 };
    expect(measurePace(window, "sum", increase(600), soFar, 99)).toBeUndefined();
    expect(measurePace(window, "sum", increase(600), soFar, 131)).toBeUndefined();
    expect(
      measurePace(window, "sum", increase(600), { count: 0, sum: 0, value: 0 }, 110)
    ).toBeUndefined();
  });

  test("a time of day in the as-of date counts its whole day", () => {
    const reading = measurePace(
      window,
      "sum",
      increase(600),
      { count: 4, sum: 200, value: 200 },
      109.75
    );
    expect(reading?.elapsedDays).toBe(10);
  });
});
