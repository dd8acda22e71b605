import {
  attainmentPayout,
  evaluateSingleTarget,
  measureSingleTarget,
  measureWindow,
  payCurveFraction,
  type Series,
  singleTargetSeries,
  type SingleTargetInput,
  windowEnd,
} from "../../src/engine";
import { SeriesBuilder } from "../../src/engine/series/series";
import { day, everyDay } from "../support/workbooks";

/** January 2024: 31 days of 412; February: 29 days of 319.7 (the SPEC's example). */
function helpdesk(): Series {
  const builder = new SeriesBuilder();
  [...everyDay("2024-01-01", 31, 412), ...everyDay("2024-02-01", 29, 319.7)].forEach(([d, v], i) =>
    builder.add(day(d), v, i)
  );
  return builder.build().series;
}

const series = helpdesk();
const february: SingleTargetInput = { start: day("2024-02-01"), window: "1 month", target: -0.2 };
const march1 = day("2024-03-01");

function evaluated(input: Partial<SingleTargetInput>, asOf = march1) {
  const outcome = evaluateSingleTarget({ ...february, ...input }, series, asOf);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

function invalid(input: Partial<SingleTargetInput>): string {
  const outcome = evaluateSingleTarget({ ...february, ...input }, series, march1);
  if (outcome.ok) throw new Error(`evaluated as ${outcome.value.result.status}`);
  return outcome.message;
}

describe("evaluateSingleTarget: one target over a series, by the Targets-row rules", () => {
  test("the SPEC example: B 412, A 319.7, T 329.6, change −22.4%, attainment 92.3 / 82.4, Met", () => {
    const { result, target } = evaluated({});
    expect(target.evaluation).toEqual({ from: day("2024-02-01"), to: day("2024-03-01") });
    expect(result.status).toBe("Met");
    expect(result.baseline).toBe(412);
    expect(result.actual).toBeCloseTo(319.7, 9);
    expect(result.targetValue).toBeCloseTo(329.6, 12);
    expect(result.change).toBeCloseTo(-92.3 / 412, 12);
    expect(result.attainment).toBeCloseTo(92.3 / 82.4, 12);
    expect(result.explanation).toBe(
      "KPI: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%)."
    );
  });

  test("Pending until the day after the window ends; the as-of date moves nothing else", () => {
    const { result } = evaluated({}, day("2024-02-29"));
    expect(result.status).toBe("Pending");
    expect(result.attainment).toBeCloseTo(92.3 / 82.4, 12);
  });

  test("Insufficient data when a window holds fewer than Min points (1 by default)", () => {
    expect(evaluated({ start: day("2024-03-01") }, day("2024-05-01")).result.status).toBe(
      "Insufficient data"
    );
    expect(evaluated({ minPoints: 30 }).result.status).toBe("Insufficient data");
  });

  test('percent text is read for % targets: "-20%" is -0.2', () => {
    expect(evaluated({ target: "-20%" }).target.target).toBe(-0.2);
  });

  test("t <= -1 is Invalid; -20 gets the hint for -20%", () => {
    expect(invalid({ target: -20 })).toBe(
      "target -20 (−2000%) asks for a fall of 100% or more, which cannot be measured as a percent; for -20% write -0.2 or -20%"
    );
    expect(invalid({ target: "-100%" })).toBe(
      "target -1 (−100%) asks for a fall of 100% or more, which cannot be measured as a percent"
    );
  });

  test("a Direction that contradicts the sign of t is Invalid, saying both", () => {
    expect(invalid({ direction: "increase" })).toBe(
      "direction says increase but Target −20% is a decrease; change one of them"
    );
  });

  test("a % target above 100% is evaluated with a warning", () => {
    const { warnings, result } = evaluated({ target: 1.5 });
    expect(result.status).toBe("Missed");
    expect(warnings).toEqual([
      "target 1.5 (+150%) promises more than doubling; if you meant 1.5%, write 0.015 or 1.5%",
    ]);
  });

  test("% on a zero or negative baseline, and T = B, are Invalid results with the engine's reason", () => {
    const zero = evaluated({ baseline: 0 }).result;
    expect(zero.status).toBe("Invalid");
    expect(zero.problem).toBe(
      "the baseline is 0; a percent change of a zero or negative baseline is undefined — use Target type change (an amount) or value (a level) instead"
    );
    expect(evaluated({ baseline: -5 }).result.status).toBe("Invalid");
    const level = evaluated({ target: 412, targetType: "value" }).result;
    expect(level.status).toBe("Invalid");
    expect(level.problem).toBe(
      "the target value equals the baseline (412), so it promises no movement — use Target type change (an amount) or value (a level) instead"
    );
  });

  test("value targets: direction from T − B; met within 1e-9·|T| of T", () => {
    const A = evaluated({}).result.actual!;
    // T below B: a decrease, met when A <= T + 1e-9·|T|.
    expect(evaluated({ target: A * (1 - 5e-10), targetType: "value" }).result.status).toBe("Met");
    expect(evaluated({ target: A * (1 - 2e-9), targetType: "value" }).result.status).toBe("Missed");
  });

  test("a negative or unreadable window and a wrong baseline name the argument", () => {
    expect(invalid({ window: "-1 month" })).toMatch(/^window "-1 month" is negative;/);
    expect(invalid({ window: "a month" })).toMatch(/^window "a month" is not readable;/);
    expect(invalid({ baseline: "last year" })).toBe(
      'baseline holds the text "last year"; enter a number, a window before Start like "90 days", or "prior year"'
    );
  });
});

describe("measureSingleTarget: the windows without a target (KPI.CHANGE)", () => {
  test("A, B and the change; a fixed baseline reads no window", () => {
    const measured = measureSingleTarget(february, series);
    if (!measured.ok) throw new Error(measured.message);
    expect(measured.value.actual).toEqual({ value: expect.closeTo(319.7, 9), count: 29 });
    expect(measured.value.baseline.value).toBe(412);
    expect(measured.value.change).toBeCloseTo(-92.3 / 412, 12);
    const fixed = measureSingleTarget({ ...february, baseline: 400 }, series);
    expect(fixed.ok && fixed.value.baseline).toEqual({ value: 400 });
  });
  test("a sum's 31-day baseline is scaled to the 29-day window", () => {
    const measured = measureSingleTarget({ ...february, aggregate: "sum" }, series);
    expect(measured.ok && measured.value.baseline.value).toBeCloseTo(412 * 29, 9);
  });
});

describe("measureWindow: a window's aggregate (KPI.WINDOW)", () => {
  test("a negative window is the span before start", () => {
    const measured = measureWindow(series, day("2024-02-01"), "-1 month", "count");
    expect(measured).toEqual({
      ok: true,
      value: {
        window: { from: day("2024-01-01"), to: day("2024-02-01") },
        aggregate: { value: 31, count: 31 },
      },
    });
  });
});

describe("the entry reads a formula's aggregate and target type as a Targets row reads them", () => {
  test("blank is average and %; words are read as the Targets table reads them", () => {
    expect(evaluated({ aggregate: null, targetType: "" }).target).toMatchObject({
      aggregate: "average",
      targetType: "%",
    });
    expect(
      evaluated({ aggregate: " Mean ", targetType: "Level", target: 300 }).target
    ).toMatchObject({ aggregate: "average", targetType: "value" });
  });
  test("anything else is refused naming the argument and the words allowed", () => {
    expect(invalid({ aggregate: 3 })).toBe(
      "aggregate 3 is not one of average, sum, min, max, median, first, last or count"
    );
    expect(invalid({ targetType: "ratio" })).toBe(
      'targetType "ratio" is not one of %, change or value'
    );
    expect(measureWindow(series, day("2024-02-01"), "1 month", "total")).toEqual({
      ok: false,
      message:
        'aggregate "total" is not one of average, sum, min, max, median, first, last or count',
    });
  });
});

describe("singleTargetSeries: a formula's dates and values as one sorted series", () => {
  test("pairs with a blank or an error cell are skipped; the rest is sorted by date", () => {
    const read = singleTargetSeries(
      [day("2024-01-03"), "2024-01-01", { error: "#N/A" }, day("2024-01-02"), day("2024-01-04")],
      [30, 10, 99, { error: "#DIV/0!" }, " "]
    );
    if (!read.ok) throw new Error(read.message);
    expect(Array.from(read.value.dates)).toEqual([day("2024-01-01"), day("2024-01-03")]);
    expect(Array.from(read.value.values)).toEqual([10, 30]);
  });
  test("a date or value that cannot be read names its cell, counted from 1", () => {
    expect(singleTargetSeries(["2024-01-01", "03/01/2024"], [1, 2])).toEqual({
      ok: false,
      message: 'dates: cell 2 holds "03/01/2024", not a date',
    });
    expect(singleTargetSeries([day("2024-01-01")], [true])).toEqual({
      ok: false,
      message: "values: cell 1 holds true, not a number",
    });
  });
  test("ranges of different sizes are refused with both sizes", () => {
    expect(singleTargetSeries([1, 2], [1])).toEqual({
      ok: false,
      message: "dates and values must be the same size; dates has 2 cells and values 1",
    });
  });
});

describe("windowEnd: the last day inside a window (KPI.WINDOWEND)", () => {
  test("1 month from 1 Feb 2024 ends on 29 Feb; a negative window ends the day before start", () => {
    expect(windowEnd(day("2024-02-01") + 0.75, "1 month")).toEqual({
      ok: true,
      value: day("2024-02-29"),
    });
    expect(windowEnd(day("2024-02-01"), "-90 days")).toEqual({
      ok: true,
      value: day("2024-01-31"),
    });
  });
  test("an unreadable window names the argument", () => {
    const end = windowEnd(day("2024-02-01"), "soon");
    expect(end.ok).toBe(false);
    expect(!end.ok && end.message).toMatch(/^window "soon" is not readable; write it like/);
  });
});

describe("attainmentPayout: what an attainment pays (KPI.PAYOUT, SPEC §4)", () => {
  test("without Threshold or Cap: the whole reward from 100%, nothing below", () => {
    expect(attainmentPayout(1, { reward: 1000 })).toBe(1000);
    expect(attainmentPayout(0.99, { reward: 1000 })).toBe(0);
  });
  test("with either: proportional from the threshold up to the cap, each 1 when not given", () => {
    expect(attainmentPayout(0.9, { reward: 1000, threshold: 0.8 })).toBe(900);
    expect(attainmentPayout(1.3, { reward: 1000, threshold: 0.8 })).toBe(1000);
    expect(attainmentPayout(1.3, { reward: 1000, threshold: 0.8, cap: 1.2 })).toBe(1200);
    expect(attainmentPayout(0.7, { reward: 1000, threshold: 0.8 })).toBe(0);
    expect(attainmentPayout(0.99, { reward: 1000, cap: 1.5 })).toBe(0);
  });
});

describe("payCurveFraction: the share of the reward a pay curve pays (KPI.PAYCURVE)", () => {
  const curve = [
    { attainment: 1.2, payout: 1.5 },
    { attainment: 0.8, payout: 0.5 },
    { attainment: 1, payout: 1 },
  ];
  test("linear between points, 0 below the first, the last point's payout above it", () => {
    expect(payCurveFraction(curve, 0.9)).toEqual({ ok: true, value: 0.75 });
    expect(payCurveFraction(curve, 0.79)).toEqual({ ok: true, value: 0 });
    expect(payCurveFraction(curve, 2)).toEqual({ ok: true, value: 1.5 });
  });
  test("an invalid curve says why, after the argument's name", () => {
    expect(payCurveFraction([{ attainment: 1, payout: 1 }], 1)).toEqual({
      ok: false,
      message:
        'curve: pay curve "curve" has 1 point; give it at least two rows (Attainment, Payout) in the Pay curves table',
    });
  });
});
