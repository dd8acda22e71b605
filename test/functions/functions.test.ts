import { RESULTS_HEADER, SAMPLE_AS_OF, sampleWorkbook } from "../../src/sheet";
import * as KPI from "../../src/functions/functions";
import { FormulaError } from "../../src/functions/functions";
import { errorCellValue, runtimeError, wireError } from "../support/excel-errors";
import { day, everyDay } from "../support/workbooks";

/** A KpiResults column's index in KPI.EVALUATE's spill. */
const column = (name: string) => (RESULTS_HEADER as readonly string[]).indexOf(name);

// January: 31 days of 412; February: 29 days of 319.7 (the SPEC's example).
const points = [...everyDay("2024-01-01", 31, 412), ...everyDay("2024-02-01", 29, 319.7)];
const dates = points.map(([d]) => [day(d)]);
const values = points.map(([, v]) => [v]);

function formulaError(call: () => unknown): FormulaError {
  try {
    call();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error("the formula did not fail");
}

describe("KPI.WINDOWEND", () => {
  test("a 1-month window from 31 Jan 2024 ends on 28 Feb (EDATE reaches 29 Feb, exclusive)", () => {
    expect(KPI.windowEnd(day("2024-01-31"), "1 month")).toBe(day("2024-02-28"));
  });
  test("a 1-month window from 1 Feb 2024 ends on 29 Feb; 90 days from 1 Jan ends 30 Mar", () => {
    expect(KPI.windowEnd(day("2024-02-01"), "1m")).toBe(day("2024-02-29"));
    expect(KPI.windowEnd("2024-01-01", "90d")).toBe(day("2024-03-30"));
  });
  test("a start that is not a date is #VALUE! naming start", () => {
    const error = formulaError(() => KPI.windowEnd("03/04/2024", "1 month"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      'start must be a date (a date cell or the text YYYY-MM-DD), not "03/04/2024"'
    );
  });
  test("an unreadable window is #VALUE! naming window", () => {
    const error = formulaError(() => KPI.windowEnd(day("2024-01-01"), "a month"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^window "a month" is not readable; write it like "30 days"/);
  });
});

describe("KPI.WINDOW", () => {
  test("the window's aggregate, average by default", () => {
    expect(KPI.windowAggregate(dates, values, day("2024-02-01"), "1 month")).toBeCloseTo(319.7, 10);
    expect(KPI.windowAggregate(dates, values, day("2024-02-01"), "1 month", "count")).toBe(29);
    expect(KPI.windowAggregate(dates, values, day("2024-01-30"), "3 days", "sum")).toBeCloseTo(
      412 * 2 + 319.7,
      10
    );
  });
  test("a negative window is the span before start", () => {
    expect(KPI.windowAggregate(dates, values, day("2024-02-01"), "-1 month", "max")).toBe(412);
  });
  test("a row of dates and a row of values work like columns", () => {
    expect(
      KPI.windowAggregate(
        [dates.map((r) => r[0])],
        [values.map((r) => r[0])],
        day("2024-01-01"),
        "1 month",
        "min"
      )
    ).toBe(412);
  });
  test("pairs with a blank date or value are skipped, whether blank comes as null or empty text", () => {
    expect(
      KPI.windowAggregate(
        [[day("2024-01-01")], [null], [day("2024-01-03")], [""]],
        [[10], [99], [""], [20]],
        day("2024-01-01"),
        "1 month",
        "sum"
      )
    ).toBe(10);
  });
  test("no observations in the window is #N/A with the window's dates", () => {
    const error = formulaError(() =>
      KPI.windowAggregate(dates, values, day("2024-06-01"), "1 month")
    );
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("No observations in 1 Jun–30 Jun 2024 (the window)");
  });
  test("dates and values of different sizes are #VALUE! naming both", () => {
    const error = formulaError(() =>
      KPI.windowAggregate(dates, values.slice(1), day("2024-01-01"), "1 month")
    );
    expect(error.message).toBe(
      "dates and values must be the same size; dates has 60 cells and values 59"
    );
  });
  test("an unknown aggregate is #VALUE! naming aggregate", () => {
    expect(
      formulaError(() => KPI.windowAggregate(dates, values, day("2024-01-01"), "1 month", "mode"))
        .message
    ).toBe('aggregate "mode" is not one of average, sum, min, max, median, first, last or count');
  });
  test("text among the values is #VALUE! naming values and the cell", () => {
    expect(
      formulaError(() =>
        KPI.windowAggregate([[day("2024-01-01")]], [["n/a"]], day("2024-01-01"), "1 month")
      ).message
    ).toBe('values: cell 1 holds "n/a", not a number');
  });
});

describe("KPI.CHANGE, KPI.ATTAINMENT, KPI.STATUS", () => {
  test("the SPEC example: −22.4% change, 112% attainment, Met", () => {
    expect(KPI.change(dates, values, day("2024-02-01"), "1 month")).toBeCloseTo(
      (319.7 - 412) / 412,
      12
    );
    expect(KPI.attainment(dates, values, day("2024-02-01"), "1 month", -0.2)).toBeCloseTo(
      92.3 / 82.4,
      12
    );
    expect(KPI.attainment(dates, values, day("2024-02-01"), "1 month", "-20%")).toBeCloseTo(
      92.3 / 82.4,
      12
    );
    expect(
      KPI.status(
        dates,
        values,
        day("2024-02-01"),
        "1 month",
        -0.2,
        null,
        null,
        null,
        day("2024-03-01")
      )
    ).toBe("Met");
    expect(
      KPI.status(
        dates,
        values,
        day("2024-02-01"),
        "1 month",
        -0.3,
        null,
        null,
        null,
        day("2024-03-01")
      )
    ).toBe("Missed");
  });
  test("STATUS is Pending until the day after the window, and Insufficient data with an empty window", () => {
    expect(
      KPI.status(
        dates,
        values,
        day("2024-02-01"),
        "1 month",
        -0.2,
        null,
        null,
        null,
        day("2024-02-29")
      )
    ).toBe("Pending");
    expect(
      KPI.status(dates, values, day("2024-03-01"), "1 month", -0.2, null, null, null, "2024-05-01")
    ).toBe("Insufficient data");
  });
  test("a fixed baseline, a change target and a value target", () => {
    expect(KPI.change(dates, values, day("2024-02-01"), "1 month", 400)).toBeCloseTo(
      -80.3 / 400,
      12
    );
    expect(
      KPI.attainment(dates, values, day("2024-02-01"), "1 month", -100, null, null, "change")
    ).toBeCloseTo(0.923, 12);
    expect(
      KPI.attainment(dates, values, day("2024-02-01"), "1 month", 300, null, null, "value")
    ).toBeCloseTo(92.3 / 112, 12);
  });
  test("a sum over a 31-day baseline is scaled to the 29-day evaluation window", () => {
    // Baseline 412 × 31 scaled by 29 / 31 is 412 × 29; the actual is 319.7 × 29.
    expect(KPI.change(dates, values, day("2024-02-01"), "29 days", "31 days", "sum")).toBeCloseTo(
      319.7 / 412 - 1,
      12
    );
  });
  test("an empty evaluation window is #N/A naming it", () => {
    const error = formulaError(() =>
      KPI.change(dates, values, day("2024-03-01"), "1 month", null, "sum")
    );
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("No observations in 1 Mar–31 Mar 2024 (the evaluation window)");
  });
  test("an empty baseline window is #N/A naming the baseline window", () => {
    const error = formulaError(() => KPI.change(dates, values, day("2024-01-01"), "1 month"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("No observations in 1 Dec–31 Dec 2023 (the baseline window)");
  });
  test("a bad baseline or target type is #VALUE! naming the argument", () => {
    expect(
      formulaError(() => KPI.change(dates, values, day("2024-02-01"), "1 month", "last year"))
        .message
    ).toBe(
      'baseline holds the text "last year"; enter a number, a window before Start like "90 days", or "prior year"'
    );
    expect(
      formulaError(() =>
        KPI.attainment(dates, values, day("2024-02-01"), "1 month", 0.1, null, null, "ratio")
      ).message
    ).toBe('targetType "ratio" is not one of %, change or value');
    expect(
      formulaError(() => KPI.attainment(dates, values, day("2024-02-01"), "1 month", "a lot"))
        .message
    ).toBe('target holds the text "a lot"; enter a number such as -0.2 or the text -20%');
  });
  test('percent text is a % target only, as in a Targets row: a change target of "-20%" is #VALUE!', () => {
    expect(
      formulaError(() =>
        KPI.attainment(dates, values, day("2024-02-01"), "1 month", "-20%", null, null, "change")
      ).message
    ).toBe('target holds the text "-20%"; enter a number');
  });
});

describe("the single-target formulas follow the Targets-row rules of SPEC §3", () => {
  const asOf = day("2024-03-01");
  test("a % target of -20 (the -20 for -20% slip) is #VALUE! saying how to write it", () => {
    for (const call of [
      () => KPI.status(dates, values, day("2024-02-01"), "1 month", -20, null, null, null, asOf),
      () => KPI.attainment(dates, values, day("2024-02-01"), "1 month", -20),
    ]) {
      const error = formulaError(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toBe(
        "target -20 (−2000%) asks for a fall of 100% or more, which cannot be measured as a percent; for -20% write -0.2 or -20%"
      );
    }
  });
  test('a % target of "-100%" is #VALUE!: a fall of 100% cannot be measured as a percent', () => {
    const error = formulaError(() =>
      KPI.status(dates, values, day("2024-02-01"), "1 month", "-100%", null, null, null, asOf)
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "target -1 (−100%) asks for a fall of 100% or more, which cannot be measured as a percent"
    );
  });
  test("a target of 0 promises no movement: #VALUE!", () => {
    expect(
      formulaError(() => KPI.attainment(dates, values, day("2024-02-01"), "1 month", 0)).message
    ).toBe(
      "target is 0, which promises no movement at all; enter the change you expect, or use Target type value for a level to hold"
    );
  });
  test("a value target equal to the baseline (T = B) is #VALUE! proposing another type", () => {
    const error = formulaError(() =>
      KPI.status(dates, values, day("2024-02-01"), "1 month", 412, null, null, "value", asOf)
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "target: the target value equals the baseline (412), so it promises no movement — use Target type change (an amount) or value (a level) instead"
    );
  });
  test("a negative evaluation window is #VALUE!: it runs forward from start", () => {
    expect(
      formulaError(() => KPI.change(dates, values, day("2024-02-01"), "-1 month")).message
    ).toBe(
      'window "-1 month" is negative; the evaluation window runs forward from Start — write it like "30 days", "2 weeks", "3 months", "1 quarter" or "1 year"'
    );
  });
});

describe("KPI.STATUS on a target the data makes impossible", () => {
  test("a % target on a zero baseline is #VALUE! with the reason", () => {
    const zeros = [...everyDay("2024-01-01", 31, 0), ...everyDay("2024-02-01", 29, 3)];
    const error = formulaError(() =>
      KPI.status(
        zeros.map(([d]) => [day(d)]),
        zeros.map(([, v]) => [v]),
        day("2024-02-01"),
        "1 month",
        0.1,
        null,
        null,
        null,
        day("2024-03-01")
      )
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(
      "target: the baseline is 0; a percent change of a zero or negative baseline is undefined — use Target type change (an amount) or value (a level) instead"
    );
  });
});

describe("KPI.PAYOUT", () => {
  test("without threshold and cap it pays the reward when attainment is at least 1", () => {
    expect(KPI.payout(1, 500)).toBe(500);
    expect(KPI.payout(0.999, 500)).toBe(0);
    expect(KPI.payout(1.4, 500)).toBe(500);
  });
  test("with a threshold or a cap it pays in proportion, capped", () => {
    expect(KPI.payout(0.9, 1000, 0.8)).toBeCloseTo(900, 10);
    expect(KPI.payout(0.7, 1000, 0.8)).toBe(0);
    expect(KPI.payout(1.4, 1000, null, 1.2)).toBeCloseTo(1200, 10);
    expect(KPI.payout(0.95, 1000, null, 1.2)).toBe(0);
    expect(KPI.payout(1.1, 1000, "50%", "150%")).toBeCloseTo(1100, 10);
  });
});

describe("KPI.PACE", () => {
  // Daily sales of 100 through September 2024.
  const september = everyDay("2024-09-01", 30, 100);
  const saleDates = september.map(([d]) => [day(d)]);
  const sales = september.map(([, v]) => [v]);
  const pace = (target: unknown, asOf: string, aggregate: unknown = "sum") =>
    KPI.pace(
      saleDates,
      sales,
      day("2024-09-01"),
      "1 month",
      target,
      2700,
      aggregate,
      null,
      day(asOf)
    );

  test("a sum so far is projected over the whole window: 1,000 × 30 / 10 = 3,000 against 2,970", () => {
    expect(pace(0.1, "2024-09-10")).toBe("On track");
    // T = 2,700 × 1.2 = 3,240 > 3,000.
    expect(pace(0.2, "2024-09-10")).toBe("At risk");
  });

  test("only the observations up to the as-of date count as so far", () => {
    // An average of 100 so far against 2,700 × 1.1 = 2,970 is at risk whatever comes later.
    expect(pace(0.1, "2024-09-10", "average")).toBe("At risk");
  });

  test("#N/A before the window opens, once it is over, or with no observation yet", () => {
    expect(() => pace(0.1, "2024-08-31")).toThrow(
      new FormulaError("#N/A", "The window 1 Sep–30 Sep 2024 opens on 1 Sep 2024")
    );
    expect(() => pace(0.1, "2024-10-01")).toThrow(
      new FormulaError(
        "#N/A",
        "The window 1 Sep–30 Sep 2024 is over on 1 Oct 2024; KPI.STATUS gives its outcome"
      )
    );
    const august = [[day("2024-08-01")]];
    expect(() =>
      KPI.pace(
        august,
        [[5]],
        day("2024-09-01"),
        "1 month",
        0.1,
        2700,
        "sum",
        null,
        day("2024-09-05")
      )
    ).toThrow(
      new FormulaError("#N/A", "No observation in 1 Sep–30 Sep 2024 up to 5 Sep 2024 yet (window)")
    );
  });

  test("an impossible target is #VALUE! like KPI.STATUS", () => {
    expect(() => pace(-20, "2024-09-10")).toThrow(
      new FormulaError(
        "#VALUE!",
        "target -20 (−2000%) asks for a fall of 100% or more, which cannot be measured as a percent; for -20% write -0.2 or -20%"
      )
    );
  });
});

describe("KPI.PAYCURVE", () => {
  const steep = [
    ["Attainment", "Payout"],
    ["80%", "0%"],
    [1, 1],
    [1.2, 1.5],
  ];

  test("below, on, between and above the points", () => {
    expect(KPI.payCurve(0.7, 1000, steep)).toBe(0);
    expect(KPI.payCurve(1, 1000, steep)).toBe(1000);
    expect(KPI.payCurve(0.9, 1000, steep)).toBeCloseTo(500, 9);
    expect(KPI.payCurve(1.1, 1000, steep)).toBeCloseTo(1250, 9);
    expect(KPI.payCurve(1.4, 1000, steep)).toBe(1500);
  });

  test("an invalid curve is #VALUE! saying why", () => {
    expect(() => KPI.payCurve(1, 1000, [[1, 1]])).toThrow(
      new FormulaError(
        "#VALUE!",
        'curve: pay curve "curve" has 1 point; give it at least two rows (Attainment, Payout) in the Pay curves table'
      )
    );
    expect(() =>
      KPI.payCurve(1, 1000, [
        [1, 1],
        [1.2, 0.8],
      ])
    ).toThrow(/a payout must not fall/);
    expect(() => KPI.payCurve(1, 1000, [[1, 1, 3]])).toThrow(/curve must be two columns/);
    expect(() =>
      KPI.payCurve(1, 1000, [
        [1, "lots"],
        [2, 2],
      ])
    ).toThrow(/curve row 1 payout/);
  });
});

describe("KPI.EVALUATE, KPI.TEAMS, KPI.ELIGIBLE", () => {
  const [targets, helpdesk, , observations] = sampleWorkbook();

  test("EVALUATE spills KpiResults with its header row, dates as serials", () => {
    const helpdeskTargets = [targets.values[0], targets.values[1]];
    const spilled = KPI.evaluate(helpdeskTargets as never, helpdesk.values as never, SAMPLE_AS_OF);
    expect(spilled[0]).toEqual([
      "Project",
      "Team",
      "KPI",
      "Start",
      "End",
      "Baseline",
      "Actual",
      "Target value",
      "Change",
      "Attainment",
      "Projected",
      "Pace",
      "Status",
      "Payout",
      "Adjustment",
      "Explanation",
      "Previous status",
      "Previous payout",
      "Changed",
    ]);
    // Row 2 is the target; the sample's one text value ("n/a") is listed under an empty row.
    expect(spilled).toHaveLength(5);
    expect(spilled[2]).toEqual(Array(RESULTS_HEADER.length).fill(""));
    expect(spilled[3].slice(0, 5)).toEqual(["Severity", "Sheet", "Cell", "Message", ""]);
    expect(spilled[4].slice(0, 4)).toEqual([
      "error",
      "Helpdesk Revamp",
      "B229",
      'Support calls value holds the text "n/a", not a number; it is skipped — enter a number or clear the cell',
    ]);
    expect(spilled[1].slice(0, 5)).toEqual([
      "Helpdesk Revamp",
      "Service Desk",
      "Support calls",
      day("2024-02-01"),
      day("2024-02-29"),
    ]);
    expect(spilled[1][column("Status")]).toBe("Met");
    expect(spilled[1][column("Payout")]).toBe(5000);
    expect(spilled[1][column("Explanation")]).toBe(
      "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%)."
    );
  });

  test("a bad target row shows in its own Status and Explanation and the spill goes on", () => {
    const spilled = KPI.evaluate(
      targets.values as never,
      observations.values as never,
      SAMPLE_AS_OF
    );
    // The results, an empty row, the issues' header and the issues.
    expect(spilled[targets.values.length]).toEqual(Array(RESULTS_HEADER.length).fill(""));
    expect(spilled[targets.values.length + 1][0]).toBe("Severity");
    const crash = spilled.find((row) => row[2] === "Crash rate")!;
    expect(crash[column("Status")]).toBe("Invalid");
    expect(crash[column("Baseline")]).toBe("");
    expect(crash[column("Explanation")]).toMatch(
      /^Target \(targets!E8\) -20 \(−2000%\) asks for a fall of 100% or more/
    );
  });

  test("TEAMS spills KpiTeams and ELIGIBLE answers for one team", () => {
    const spilled = KPI.teams(targets.values as never, observations.values as never, SAMPLE_AS_OF);
    expect(spilled[0]).toEqual([
      "Team",
      "Targets",
      "Met",
      "Missed",
      "Pending",
      "Review",
      "Score",
      "Eligible",
      "Reward",
    ]);
    expect(spilled.find((row) => row[0] === "BI Platform")).toEqual([
      "BI Platform",
      1,
      0,
      0,
      1,
      0,
      "",
      "Pending",
      0,
    ]);
    expect(
      KPI.eligible(
        "bi platform",
        targets.values as never,
        observations.values as never,
        SAMPLE_AS_OF
      )
    ).toBe("Pending");
    expect(
      KPI.eligible("Mobile", targets.values as never, observations.values as never, SAMPLE_AS_OF)
    ).toBe("Review");
  });

  test("an unknown team is #N/A; ranges without headers are #VALUE! saying which", () => {
    expect(
      formulaError(() =>
        KPI.eligible("Nobody", targets.values as never, observations.values as never)
      ).code
    ).toBe("#N/A");
    expect(formulaError(() => KPI.evaluate([[1, 2]], observations.values as never)).message).toBe(
      "targets must start with the Targets header row: Project, KPI, Start, Window or End, Target"
    );
    expect(formulaError(() => KPI.teams(targets.values as never, [["x"]])).message).toMatch(
      /^observations must start with a header row/
    );
  });
});

describe("ranges holding error cells, in the forms Excel passes them (allowErrorForDataTypeAny)", () => {
  // February's 10th value is #N/A, the 11th date #REF!, the 12th value a data-types #DIV/0!.
  const withErrors = points.map(([d, v]) => [day(d), v] as [unknown, unknown]);
  withErrors[31 + 9][1] = runtimeError("#N/A");
  withErrors[31 + 10][0] = runtimeError("#REF!");
  withErrors[31 + 11][1] = errorCellValue("#DIV/0!", "Div0");
  const errorDates = withErrors.map(([d]) => [d]);
  const errorValues = withErrors.map(([, v]) => [v]);
  const feb1 = day("2024-02-01");

  test("KPI.WINDOW skips the error cells and their pairs: 26 of February's 29 days count", () => {
    expect(KPI.windowAggregate(errorDates, errorValues, feb1, "1 month", "count")).toBe(26);
    expect(KPI.windowAggregate(errorDates, errorValues, feb1, "1 month")).toBeCloseTo(319.7, 9);
  });

  test("KPI.CHANGE, ATTAINMENT and STATUS answer as without those days", () => {
    expect(KPI.change(errorDates, errorValues, feb1, "1 month")).toBeCloseTo(-92.3 / 412, 12);
    expect(KPI.attainment(errorDates, errorValues, feb1, "1 month", -0.2)).toBeCloseTo(
      92.3 / 82.4,
      9
    );
    expect(
      KPI.status(errorDates, errorValues, feb1, "1 month", "-20%", null, null, null, "2024-03-01")
    ).toBe("Met");
  });

  test("a window holding only error cells is empty: #N/A", () => {
    const error = formulaError(() =>
      KPI.windowAggregate(
        [[feb1], [feb1 + 1]],
        [[wireError("#N/A")], [runtimeError("#NUM!")]],
        feb1,
        "1 month"
      )
    );
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("No observations in 1 Feb–29 Feb 2024 (the window)");
  });

  test("an error in a single-value argument answers #N/A for #N/A and #VALUE! otherwise, naming it", () => {
    const na = formulaError(() => KPI.status(dates, values, runtimeError("#N/A"), "1 month", -0.2));
    expect([na.code, na.message]).toEqual([
      "#N/A",
      "start holds the error #N/A; correct the cell it comes from",
    ]);
    const div = formulaError(() => KPI.payout(runtimeError("#DIV/0!"), 500));
    expect([div.code, div.message]).toEqual([
      "#VALUE!",
      "attainment holds the error #DIV/0!; correct the cell it comes from",
    ]);
  });

  const header = ["Project", "KPI", "Date", "Value"];
  const observations = [
    header,
    ["Helpdesk", "Calls", day("2024-01-10"), 400],
    ["Helpdesk", "Calls", day("2024-01-20"), runtimeError("#N/A")],
    ["Helpdesk", "Calls", day("2024-02-10"), 300],
    ["Helpdesk", "Calls", errorCellValue("#VALUE!", "Value"), 1],
  ];
  const targets = [
    ["Project", "KPI", "Start", "Window", "Target", "Reward"],
    ["Helpdesk", "Calls", day("2024-02-01"), "1 month", -0.2, 1000],
  ];

  test("KPI.EVALUATE skips them like the engine and lists each under the results, with its cell", () => {
    const spilled = KPI.evaluate(targets, observations, "2024-03-01");
    // B = 400 (January's one number), A = 300, T = 320: met, attainment 100 / 80.
    const picked = [
      "Baseline",
      "Actual",
      "Target value",
      "Change",
      "Attainment",
      "Status",
      "Payout",
    ];
    expect(picked.map((name) => spilled[1][column(name)])).toEqual([
      400,
      300,
      320,
      -0.25,
      1.25,
      "Met",
      1000,
    ]);
    expect(spilled.slice(2).map((row) => row.slice(0, 4))).toEqual([
      ["", "", "", ""],
      ["Severity", "Sheet", "Cell", "Message"],
      [
        "error",
        "Helpdesk",
        "D3",
        "Calls value holds the error #N/A, not a number; it is skipped — enter a number or clear the cell",
      ],
      [
        "error",
        "Helpdesk",
        "C5",
        "Date holds the error #VALUE!, which is not a date; enter a date or the text YYYY-MM-DD (texts like 03/04/2024 are ambiguous and not guessed); the row is skipped",
      ],
    ]);
  });

  test("KPI.TEAMS and KPI.ELIGIBLE evaluate the same way", () => {
    expect(KPI.teams(targets, observations, "2024-03-01")[1]).toEqual([
      "Helpdesk",
      1,
      1,
      0,
      0,
      0,
      1,
      "Yes",
      1000,
    ]);
    expect(KPI.eligible("Helpdesk", targets, observations, "2024-03-01")).toBe("Yes");
  });
});
