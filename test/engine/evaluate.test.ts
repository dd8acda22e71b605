import {
  type CellValue,
  evaluateWorkbook,
  type Evaluation,
  type WorkbookGrid,
} from "../../src/engine";
import { day, everyDay, longRows, sheet, workbook } from "../support/workbooks";

const HEADER = [
  "Project",
  "KPI",
  "Start",
  "Window",
  "Target",
  "Target type",
  "Direction",
  "Baseline",
  "Aggregate",
  "Min points",
  "Reward",
  "Threshold",
  "Cap",
  "Team",
  "Weight",
];

/** A target row in HEADER's column order; unnamed cells blank. */
function target(cells: Partial<Record<(typeof HEADER)[number], CellValue>>): CellValue[] {
  return HEADER.map((h) => cells[h] ?? null);
}

// The SPEC's example: January averages 412.0, February 319.7.
const supportCalls = longRows("Helpdesk", "Support calls", [
  ...everyDay("2024-01-01", 31, 412),
  ...everyDay("2024-02-01", 29, 319.7),
]);

function evaluate(
  rows: CellValue[][],
  observations: CellValue[][],
  asOf = "2024-12-31"
): Evaluation {
  return evaluateWorkbook(workbook({ header: HEADER, rows, observations }), { asOf: day(asOf) });
}

describe("the SPEC example", () => {
  const [result] = evaluate(
    [
      target({
        Project: "Helpdesk",
        KPI: "Support calls",
        Start: day("2024-02-01"),
        Window: "1 month",
        Target: -0.2,
        Reward: 5000,
      }),
    ],
    supportCalls
  ).results;

  test("support calls down 22.4% against a −20% promise are met with 112% attainment", () => {
    expect(result.status).toBe("Met");
    expect(result.baseline).toBe(412);
    expect(result.actual).toBeCloseTo(319.7, 10);
    expect(result.targetValue).toBeCloseTo(329.6, 10);
    expect(result.change).toBeCloseTo((319.7 - 412) / 412, 12);
    expect(result.attainment).toBeCloseTo((319.7 - 412) / (329.6 - 412), 12);
    expect(result.payout).toBe(5000);
    expect(result.start).toBe(day("2024-02-01"));
    expect(result.end).toBe(day("2024-02-29"));
  });

  test("the explanation is the SPEC's sentence", () => {
    expect(result.explanation).toBe(
      "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%)."
    );
  });

  test("the target text -20% reads the same as -0.2", () => {
    const [fromText] = evaluate(
      [
        target({
          Project: "Helpdesk",
          KPI: "Support calls",
          Start: day("2024-02-01"),
          Window: "1 month",
          Target: "-20%",
        }),
      ],
      supportCalls
    ).results;
    expect(fromText.targetValue).toBeCloseTo(329.6, 10);
    expect(fromText.status).toBe("Met");
  });
});

describe("status order", () => {
  const base = {
    Project: "Helpdesk",
    KPI: "Support calls",
    Start: day("2024-02-01"),
    Window: "1 month",
    Target: -0.2,
  };

  test("Pending while the as-of date is on the window's last day, decided the day after", () => {
    expect(evaluate([target(base)], supportCalls, "2024-02-29").results[0].status).toBe("Pending");
    expect(evaluate([target(base)], supportCalls, "2024-03-01").results[0].status).toBe("Met");
  });

  test("Pending still shows the actual and the attainment to date", () => {
    const [result] = evaluate([target(base)], supportCalls, "2024-02-15").results;
    expect(result.actual).toBeCloseTo(319.7, 10);
    expect(result.attainment).toBeCloseTo(1.1201456, 6);
    expect(result.payout).toBe(0);
    expect(result.explanation).toMatch(
      /→ pending until 29 Feb 2024 \(attainment to date 112%\); on track: projected 319\.7; /
    );
  });

  test("a window that has not opened is Pending and says when it opens", () => {
    const [result] = evaluate(
      [target({ ...base, Start: day("2024-03-01") })],
      supportCalls,
      "2024-02-15"
    ).results;
    expect(result.status).toBe("Pending");
    expect(result.explanation).toBe(
      "Support calls: no observations in 1 Mar–31 Mar 2024 vs 319.7 in 1 Feb–29 Feb 2024; target −20% → pending: the window opens on 1 Mar 2024."
    );
  });

  test("Invalid comes before Pending: a contradictory direction is reported even for a future window", () => {
    const [result] = evaluate(
      [target({ ...base, Direction: "increase" })],
      supportCalls,
      "2024-01-01"
    ).results;
    expect(result.status).toBe("Invalid");
    expect(result.explanation).toBe(
      "Direction (Targets!G2) says increase but Target −20% is a decrease; change one of them"
    );
  });

  test("Insufficient data when a window holds fewer than Min points, with the numbers still shown", () => {
    const [result] = evaluate([target({ ...base, "Min points": 30 })], supportCalls).results;
    expect(result.status).toBe("Insufficient data");
    expect(result.actual).toBeCloseTo(319.7, 10);
    expect(result.baseline).toBe(412);
    expect(result.payout).toBe(0);
    expect(result.explanation).toMatch(
      /→ insufficient data: the evaluation window has 29 of 30 observations needed\.$/
    );
  });

  test("an empty baseline window is Insufficient data with an empty baseline", () => {
    const [result] = evaluate(
      [target({ ...base, Start: day("2024-01-01") })],
      supportCalls
    ).results;
    expect(result.status).toBe("Insufficient data");
    expect(result.baseline).toBeNull();
    expect(result.change).toBeNull();
    expect(result.explanation).toMatch(/the baseline window has 0 of 1 observation needed/);
  });

  test("Missed when the actual falls short, with the attainment reached", () => {
    const [result] = evaluate(
      [target({ ...base, Target: -0.3, Reward: 100 })],
      supportCalls
    ).results;
    expect(result.status).toBe("Missed");
    expect(result.attainment).toBeCloseTo(92.3 / 123.6, 10);
    expect(result.payout).toBe(0);
  });
});

describe("baselines", () => {
  // February: 29 days of 10; March: 31 days of 9.
  const daily = longRows("Ops", "Cost", [
    ...everyDay("2023-03-01", 31, 12),
    ...everyDay("2024-02-01", 29, 10),
    ...everyDay("2024-03-01", 31, 9),
  ]);
  const march = { Project: "Ops", KPI: "Cost", Start: day("2024-03-01"), Window: "1 month" };

  test("a sum baseline of 29 days is scaled to the 31-day evaluation window, and the explanation says so", () => {
    const [result] = evaluate(
      [target({ ...march, Target: -0.1, Aggregate: "sum" })],
      daily
    ).results;
    expect(result.baseline).toBeCloseTo((290 * 31) / 29, 10);
    expect(result.actual).toBe(279);
    expect(result.change).toBeCloseTo(279 / ((290 * 31) / 29) - 1, 12);
    expect(result.explanation).toBe(
      "Cost: sum 279.0 in 1 Mar–31 Mar 2024 vs 310.0 in 1 Feb–29 Feb 2024 (scaled from 29 to 31 days) (−10%); target −10% → met (attainment 100%)."
    );
    expect(result.status).toBe("Met");
  });

  test("a count baseline is scaled too, an average never", () => {
    const [count, average] = evaluate(
      [
        target({ ...march, Target: 0.01, Aggregate: "count" }),
        target({ ...march, Target: -0.1, Aggregate: "average" }),
      ],
      daily
    ).results;
    expect(count.baseline).toBeCloseTo(31, 10);
    expect(count.actual).toBe(31);
    expect(average.baseline).toBe(10);
    expect(average.explanation).not.toMatch(/scaled/);
  });

  test("prior year shifts both ends of the evaluation window back 12 months", () => {
    const [result] = evaluate(
      [target({ ...march, Target: -0.2, Baseline: "prior year" })],
      daily
    ).results;
    expect(result.baseline).toBe(12);
    expect(result.change).toBeCloseTo(-0.25, 12);
    expect(result.explanation).toContain("vs 12.0 in 1 Mar–31 Mar 2023");
  });

  test("a window text in Baseline is that span right before Start, with or without a minus sign", () => {
    const [plain, minus] = evaluate(
      [
        target({ ...march, Target: -0.05, Baseline: "7 days" }),
        target({ ...march, Target: -0.05, Baseline: "-7 days" }),
      ],
      daily
    ).results;
    expect(plain.explanation).toContain("vs 10.0 in 23 Feb–29 Feb 2024");
    expect(minus.baseline).toBe(plain.baseline);
  });

  test("a number in Baseline is a fixed baseline and no window is read", () => {
    const [result] = evaluate([target({ ...march, Target: -0.1, Baseline: 10 })], daily).results;
    expect(result.baseline).toBe(10);
    expect(result.targetValue).toBe(9);
    expect(result.status).toBe("Met");
    expect(result.explanation).toBe(
      "Cost: average 9.0 in 1 Mar–31 Mar 2024 vs a fixed baseline of 10.0 (−10%); target −10% → met (attainment 100%)."
    );
  });
});

describe("End instead of Window", () => {
  const header = [...HEADER, "End"];
  const observations = longRows("Ops", "Cost", [
    ...everyDay("2024-01-22", 10, 10),
    ...everyDay("2024-02-01", 10, 8),
  ]);

  test("End gives S <= date < End + 1 and a baseline of the same number of days", () => {
    const row = [
      ...target({ Project: "Ops", KPI: "Cost", Start: day("2024-02-01"), Target: -0.2 }),
      day("2024-02-10"),
    ];
    const evaluation = evaluateWorkbook(workbook({ header, rows: [row], observations }), {
      asOf: day("2024-03-01"),
    });
    const [result] = evaluation.results;
    expect(result.end).toBe(day("2024-02-10"));
    expect(result.baseline).toBe(10);
    expect(result.actual).toBe(8);
    expect(result.status).toBe("Met");
    expect(evaluation.issues).toEqual([]);
  });

  test("when both are filled End wins and a warning says so", () => {
    const row = [
      ...target({
        Project: "Ops",
        KPI: "Cost",
        Start: day("2024-02-01"),
        Window: "1 year",
        Target: -0.2,
      }),
      day("2024-02-10"),
    ];
    const evaluation = evaluateWorkbook(workbook({ header, rows: [row], observations }), {
      asOf: day("2024-03-01"),
    });
    expect(evaluation.results[0].end).toBe(day("2024-02-10"));
    expect(evaluation.issues).toEqual([
      {
        severity: "warning",
        sheet: "Targets",
        cell: "D2",
        message: "Both Window and End are filled; End (10 Feb 2024) is used — clear one of them",
      },
    ]);
  });

  test("a time of day in Start and End is dropped", () => {
    const row = [
      ...target({ Project: "Ops", KPI: "Cost", Start: day("2024-02-01") + 0.75, Target: -0.2 }),
      day("2024-02-10") + 0.2,
    ];
    const [result] = evaluateWorkbook(workbook({ header, rows: [row], observations }), {
      asOf: day("2024-03-01"),
    }).results;
    expect(result.start).toBe(day("2024-02-01"));
    expect(result.end).toBe(day("2024-02-10"));
    expect(result.actual).toBe(8);
  });
});

describe("target types", () => {
  const observations = longRows("Shop", "Sales", [
    ...everyDay("2024-01-01", 31, 100),
    ...everyDay("2024-02-01", 29, 130),
  ]);
  const feb = { Project: "Shop", KPI: "Sales", Start: day("2024-02-01"), Window: "1 month" };

  test("change adds the target to the baseline", () => {
    const [result] = evaluate(
      [target({ ...feb, Target: 40, "Target type": "change" })],
      observations
    ).results;
    expect(result.targetValue).toBe(140);
    expect(result.attainment).toBeCloseTo(0.75, 12);
    expect(result.status).toBe("Missed");
    expect(result.explanation).toMatch(/target \+40\.0 → missed \(attainment 75%\)\.$/);
  });

  test("value takes its direction from the sign of T − B when Direction is blank", () => {
    const [up, down] = evaluate(
      [
        target({ ...feb, Target: 120, "Target type": "value" }),
        target({ ...feb, Target: 90, "Target type": "value" }),
      ],
      observations
    ).results;
    expect(up.status).toBe("Met");
    expect(up.attainment).toBeCloseTo(1.5, 12);
    expect(down.status).toBe("Missed");
    expect(down.attainment).toBeCloseTo(-3, 12);
  });

  test("a value target the baseline already meets is scored A / T (increase) or T / A (decrease)", () => {
    const [increase, decrease] = evaluate(
      [
        target({ ...feb, Target: 80, "Target type": "value", Direction: "at least" }),
        target({ ...feb, Target: 150, "Target type": "value", Direction: "at most" }),
      ],
      observations
    ).results;
    expect(increase.status).toBe("Met");
    expect(increase.attainment).toBeCloseTo(130 / 80, 12);
    expect(decrease.status).toBe("Met");
    expect(decrease.attainment).toBeCloseTo(150 / 130, 12);
  });

  test("met within 1e-9 of T counts as met", () => {
    const flat = longRows("Shop", "Sales", [
      ...everyDay("2024-01-01", 31, 100),
      ...everyDay("2024-02-01", 29, 130 * (1 - 5e-10)),
    ]);
    const [result] = evaluate([target({ ...feb, Target: 0.3 })], flat).results;
    expect(result.status).toBe("Met");
  });

  test("a percent target on a zero baseline is Invalid and proposes change or value", () => {
    const zero = longRows("Shop", "Returns", [
      ...everyDay("2024-01-01", 31, 0),
      ...everyDay("2024-02-01", 29, 3),
    ]);
    const evaluation = evaluate([target({ ...feb, KPI: "Returns", Target: 0.1 })], zero);
    expect(evaluation.results[0].status).toBe("Invalid");
    expect(evaluation.results[0].explanation).toBe(
      "Returns (Target, Targets!E2): the baseline is 0; a percent change of a zero or negative baseline is undefined — use Target type change (an amount) or value (a level) instead."
    );
    expect(evaluation.issues.map((i) => i.cell)).toEqual(["E2"]);
  });

  test("a value target equal to the baseline is Invalid", () => {
    const [result] = evaluate(
      [target({ ...feb, Target: 100, "Target type": "value" })],
      observations
    ).results;
    expect(result.status).toBe("Invalid");
    expect(result.explanation).toContain("equals the baseline (100)");
  });
});

describe("payouts", () => {
  const observations = longRows("Shop", "Sales", [
    ...everyDay("2024-01-01", 31, 100),
    ...everyDay("2024-02-01", 29, 130),
  ]);
  const feb = {
    Project: "Shop",
    KPI: "Sales",
    Start: day("2024-02-01"),
    Window: "1 month",
    Reward: 1000,
  };

  test("a Missed row above its Threshold earns its share", () => {
    const [result] = evaluate(
      [target({ ...feb, Target: 0.4, Threshold: 0.7 })],
      observations
    ).results;
    expect(result.status).toBe("Missed");
    expect(result.payout).toBeCloseTo(750, 9);
  });

  test("over-achievement is paid up to the Cap", () => {
    const [result] = evaluate([target({ ...feb, Target: 0.2, Cap: "120%" })], observations).results;
    expect(result.attainment).toBeCloseTo(1.5, 12);
    expect(result.payout).toBeCloseTo(1200, 9);
  });

  test("below the Threshold nothing is paid", () => {
    const [result] = evaluate(
      [target({ ...feb, Target: 0.4, Threshold: 0.8 })],
      observations
    ).results;
    expect(result.payout).toBe(0);
  });
});

describe("bad target rows", () => {
  const observations = longRows("Shop", "Sales", everyDay("2024-01-01", 60, 100));
  const feb = { Project: "Shop", KPI: "Sales", Start: day("2024-02-01"), Window: "1 month" };

  test("a blank required cell makes the row Invalid and names the cell", () => {
    const evaluation = evaluate(
      [target({ Project: "Shop", KPI: "Sales", Window: "1 month", Target: 0.1 })],
      observations
    );
    expect(evaluation.results[0].status).toBe("Invalid");
    expect(evaluation.results[0].explanation).toBe("Start (Targets!C2) is blank; enter the date");
    expect(evaluation.issues).toEqual([
      {
        severity: "error",
        sheet: "Targets",
        cell: "C2",
        message: "Start (Targets!C2) is blank; enter the date",
      },
    ]);
  });

  test("an unreadable window quotes the text and shows an example", () => {
    const evaluation = evaluate(
      [
        target({
          Project: "Shop",
          KPI: "Sales",
          Start: day("2024-02-01"),
          Window: "a while",
          Target: 0.1,
        }),
      ],
      observations
    );
    expect(evaluation.results[0].explanation).toBe(
      'Window (Targets!D2) "a while" is not readable; write it like "30 days", "2 weeks", "3 months", "1 quarter" or "1 year"'
    );
  });

  test("-20 for -20% is Invalid and the message says what to write", () => {
    const [result] = evaluate([target({ ...feb, Target: -20 })], observations).results;
    expect(result.explanation).toBe(
      "Target (Targets!E2) -20 (−2000%) asks for a fall of 100% or more, which cannot be measured as a percent; for -20% write -0.2 or -20%"
    );
  });

  test("an implausible percent target is a warning and is still evaluated", () => {
    const evaluation = evaluate([target({ ...feb, Target: 30 })], observations);
    expect(evaluation.results[0].status).toBe("Missed");
    expect(evaluation.issues).toEqual([
      {
        severity: "warning",
        sheet: "Targets",
        cell: "E2",
        message:
          "Target (Targets!E2) 30 (+3000%) promises more than doubling; if you meant 30%, write 0.3 or 30%",
      },
    ]);
  });

  test("a Project/KPI without observations is Invalid, the issue points at the KPI cell and lists the KPIs that exist", () => {
    const evaluation = evaluate([target({ ...feb, KPI: "Revenue", Target: 0.1 })], observations);
    expect(evaluation.results[0].status).toBe("Invalid");
    expect(evaluation.issues).toEqual([
      {
        severity: "error",
        sheet: "Targets",
        cell: "B2",
        message:
          'KPI (Targets!B2): no observations for Shop / Revenue; Shop has observations for "Sales" — check the names in the Targets row and the observation table',
      },
    ]);
  });

  test("several problems in one row are all reported, the explanation counts them", () => {
    const evaluation = evaluate(
      [
        target({
          Project: "Shop",
          KPI: "Sales",
          Start: "01/02/2024",
          Window: "soon",
          Target: 0.1,
          Aggregate: "mode",
        }),
      ],
      observations
    );
    expect(evaluation.issues.map((i) => i.cell)).toEqual(["C2", "D2", "I2"]);
    expect(evaluation.results[0].explanation).toMatch(
      /^Start \(Targets!C2\) holds the text "01\/02\/2024", which is not a date; .* \(and 2 more problems in this row, see KpiIssues\)$/
    );
  });

  test("a Targets table without a Window or End column makes every row Invalid and says which column to add", () => {
    const evaluation = evaluateWorkbook(
      workbook({
        header: ["Project", "KPI", "Start", "Target"],
        rows: [["Shop", "Sales", day("2024-02-01"), 0.1]],
        observations,
      }),
      { asOf: day("2024-12-31") }
    );
    expect(evaluation.results[0].status).toBe("Invalid");
    expect(evaluation.results[0].explanation).toBe(
      "The Targets table A1:D2 has no Window or End column; add it to the header row"
    );
  });
});

describe("teams", () => {
  const observations = longRows("Shop", "Sales", [
    ...everyDay("2024-01-01", 31, 100),
    ...everyDay("2024-02-01", 29, 130),
  ]);
  const feb = {
    Project: "Shop",
    KPI: "Sales",
    Start: day("2024-02-01"),
    Window: "1 month",
    Team: "Growth",
  };

  test("the score is the weighted mean of capped attainment over Met and Missed, the reward the sum of payouts", () => {
    const evaluation = evaluate(
      [
        target({ ...feb, Target: 0.2, Reward: 500, Weight: 3 }), // attainment 1.5, capped at 1 for the score
        target({ ...feb, Target: 0.6, Reward: 500, Weight: 1, Threshold: 0.5 }), // attainment 0.5
        target({ ...feb, Start: day("2025-01-01"), Target: 0.1, Reward: 500 }), // pending
      ],
      observations
    );
    expect(evaluation.teams).toEqual([
      {
        team: "Growth",
        targets: 3,
        met: 1,
        missed: 1,
        pending: 1,
        review: 0,
        score: (3 * 1 + 1 * 0.5) / 4,
        eligible: "No",
        reward: 750,
      },
    ]);
  });

  test("eligibility: No beats Review beats Pending beats Yes", () => {
    const evaluation = evaluate(
      [
        target({ ...feb, Team: "A", Target: 0.2 }),
        target({ ...feb, Team: "B", Target: 0.2 }),
        target({ ...feb, Team: "B", Start: day("2025-01-01"), Target: 0.1 }),
        target({ ...feb, Team: "C", Target: 0.2 }),
        target({ ...feb, Team: "C", KPI: "Nope", Target: 0.2 }),
        target({ ...feb, Team: "C", Start: day("2025-01-01"), Target: 0.1 }),
        target({ ...feb, Team: "D", Target: 0.9 }),
        target({ ...feb, Team: "D", KPI: "Nope", Target: 0.2 }),
      ],
      observations
    );
    expect(evaluation.teams.map((t) => [t.team, t.eligible, t.score])).toEqual([
      ["A", "Yes", 1],
      ["B", "Pending", 1],
      ["C", "Review", 1],
      ["D", "No", 1 / 3],
    ]);
  });

  test("the team defaults to the project, and a team without decided targets has no score", () => {
    const evaluation = evaluate(
      [
        target({
          Project: "Shop",
          KPI: "Sales",
          Start: day("2025-01-01"),
          Window: "1 month",
          Target: 0.1,
        }),
      ],
      observations
    );
    expect(evaluation.teams[0]).toMatchObject({ team: "Shop", score: null, eligible: "Pending" });
  });
});

describe("workbooks", () => {
  test("a 1904 workbook's date serials are converted", () => {
    const offset = 1462;
    const rows = longRows("Shop", "Sales", [
      ...everyDay("2024-01-01", 31, 100),
      ...everyDay("2024-02-01", 29, 130),
    ]).map((r) => [r[0], r[1], (r[2] as number) - offset, r[3]]);
    const wb: WorkbookGrid = {
      date1904: true,
      sheets: [
        sheet("Targets", HEADER, [
          target({
            Project: "Shop",
            KPI: "Sales",
            Start: day("2024-02-01") - offset,
            Window: "1 month",
            Target: 0.3,
          }),
        ]),
        sheet("Obs", ["Project", "KPI", "Date", "Value"], rows),
      ],
    };
    const [result] = evaluateWorkbook(wb, { asOf: day("2024-06-01") }).results;
    expect(result.start).toBe(day("2024-02-01"));
    expect(result.baseline).toBe(100);
    expect(result.actual).toBe(130);
    expect(result.status).toBe("Met");
  });

  test("wide sheets name the project after the sheet, several observation sheets are all read", () => {
    const wb: WorkbookGrid = {
      sheets: [
        sheet("Targets", TARGET_COLUMNS, [
          ["Alpha", "Calls", day("2024-02-01"), "1 month", -0.5],
          ["Beta", "Sales", day("2024-02-01"), "1 month", 0.5],
        ]),
        sheet(
          "Alpha",
          ["Date", "Calls", "Notes"],
          [...everyDay("2024-01-01", 31, 10), ...everyDay("2024-02-01", 29, 5)].map(([d, v]) => [
            d,
            v,
            "ok",
          ])
        ),
        sheet(
          "Beta sheet",
          ["Project", "KPI", "Date", "Value"],
          longRows("Beta", "Sales", [
            ...everyDay("2024-01-01", 31, 10),
            ...everyDay("2024-02-01", 29, 15),
          ])
        ),
      ],
    };
    const evaluation = evaluateWorkbook(wb, { asOf: day("2024-06-01") });
    expect(evaluation.results.map((r) => [r.status, r.baseline, r.actual])).toEqual([
      ["Met", 10, 5],
      ["Met", 10, 15],
    ]);
    expect(evaluation.tables.map((t) => [t.kind, t.sheet, t.address, t.rows])).toEqual([
      ["targets", "Targets", "A1:E3", 2],
      ["wide observations", "Alpha", "A1:C61", 60],
      ["long observations", "Beta sheet", "A1:D61", 60],
    ]);
  });

  test("the KPI Rewards sheet is never read as input", () => {
    const wb = workbook({ header: HEADER, rows: [], observations: [] });
    const withResults: WorkbookGrid = {
      sheets: [...wb.sheets, sheet("KPI Rewards", TARGET_COLUMNS, [["X", "Y", 1, "1 day", 0.1]])],
    };
    expect(evaluateWorkbook(withResults, { asOf: 1 }).results).toEqual([]);
  });
});

const TARGET_COLUMNS = ["Project", "KPI", "Start", "Window", "Target"];

describe("pace of open windows (SPEC §11)", () => {
  const calls = {
    Project: "Helpdesk",
    KPI: "Support calls",
    Start: day("2024-02-01"),
    Window: "1 month",
    Target: -0.2,
  };

  test("a Pending target mid-window is projected from the observations up to the as-of date", () => {
    // T = 412 × 0.8 = 329.6; 15 of 29 days gone with 15 observations of 319.7 (Σ 4,795.5);
    // N = max(16, round(15 × 29 / 15)) = 29; (329.6 × 29 − 4,795.5) / 14 = 340.207…
    const [result] = evaluate([target(calls)], supportCalls, "2024-02-15").results;
    expect(result.projected).toBeCloseTo(319.7, 10);
    expect(result.pace).toBe("On track");
    expect(result.explanation).toBe(
      "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → pending until 29 Feb 2024 (attainment to date 112%); on track: projected 319.7; the remaining 14 observations need an average of at most 340.2."
    );
  });

  test("a sum is projected over the whole window and the rest needs T − Σ", () => {
    // Baseline January sum 31 × 412 = 12,772, scaled to 29 days: 11,948; T = 11,948 × 1.1 = 13,142.8.
    // 10 days × 319.7 = 3,197 so far, projected 3,197 × 29 / 10 = 9,271.3: at risk; needs 9,945.8.
    const rising = { ...calls, Target: 0.1, Aggregate: "sum" };
    const [result] = evaluate([target(rising)], supportCalls, "2024-02-10").results;
    expect(result.projected).toBeCloseTo(9271.3, 6);
    expect(result.pace).toBe("At risk");
    expect(result.explanation).toMatch(
      /; at risk: projected 9,271\.3; the rest of the window needs 9,945\.8 more\.$/
    );
  });

  test("decided targets, windows not yet open and windows without observations have no pace", () => {
    const later = { ...calls, Start: day("2024-06-01") };
    const { results } = evaluate([target(calls), target(later)], supportCalls, "2024-03-15");
    expect(results.map((r) => [r.status, r.projected, r.pace])).toEqual([
      ["Met", null, null],
      ["Pending", null, null],
    ]);
  });
});

describe("pay curves (SPEC §12)", () => {
  const CURVE_HEADER = ["Curve", "Attainment", "Payout"];
  const curves = [
    ["Steep", "80%", "50%"],
    ["Steep", 1, 1],
    ["Steep", 1.5, 2],
    ["Falling", 1, 1],
    ["Falling", 1.2, 0.8],
  ];
  const calls = {
    Project: "Helpdesk",
    KPI: "Support calls",
    Start: day("2024-02-01"),
    Window: "1 month",
    Target: -0.2,
    Reward: 5000,
  };

  function withCurves(rows: Record<string, CellValue>[]): Evaluation {
    const header = [...HEADER, "Pay curve"];
    return evaluateWorkbook(
      {
        sheets: [
          sheet(
            "Targets",
            header,
            rows.map((cells) => header.map((h) => cells[h] ?? null))
          ),
          sheet("Observations", ["Project", "KPI", "Date", "Value"], supportCalls),
          sheet("Curves", CURVE_HEADER, curves),
        ],
      },
      { asOf: day("2024-12-31") }
    );
  }

  test("a Met target is paid Reward × the curve at its attainment, and its Score caps at the last point", () => {
    // attainment (412 − 319.7) / (412 − 329.6) = 1.1201456; curve 1 + 0.1201456 × 2 = 1.2402913.
    const { results, teams } = withCurves([{ ...calls, "Pay curve": "steep" }]);
    expect(results[0].status).toBe("Met");
    expect(results[0].payout).toBeCloseTo(5000 * (1 + (92.3 / 82.4 - 1) * 2), 6);
    expect(teams[0].score).toBeCloseTo(92.3 / 82.4, 9);
  });

  test("a Missed target above the curve's first point earns its share", () => {
    // Target −25%: T = 309; attainment 92.3 / 103 = 0.8961165; curve 0.5 + 0.0961165 × 2.5 = 0.7402913.
    const { results } = withCurves([{ ...calls, Target: -0.25, "Pay curve": "Steep" }]);
    expect(results[0].status).toBe("Missed");
    expect(results[0].payout).toBeCloseTo(5000 * (0.5 + (92.3 / 103 - 0.8) * 2.5), 6);
  });

  test("Threshold and Cap are ignored with a warning when a curve is given", () => {
    const { results, issues } = withCurves([
      { ...calls, Threshold: 0.5, Cap: 1, "Pay curve": "Steep" },
    ]);
    expect(results[0].payout).toBeCloseTo(5000 * (1 + (92.3 / 82.4 - 1) * 2), 6);
    expect(issues).toContainEqual({
      severity: "warning",
      sheet: "Targets",
      cell: "L2",
      message:
        'Threshold (Targets!L2) and Cap (Targets!M2) are ignored: the pay curve "Steep" decides the payout — clear them',
    });
  });

  test("an unknown curve makes the target Invalid, naming the curve at its cell", () => {
    const { results, issues } = withCurves([{ ...calls, "Pay curve": "Gentle" }]);
    const message =
      'Support calls (Pay curve, Targets!P2): pay curve "Gentle" is not in a Pay curves table (Curve, Attainment, Payout); add its points or correct the name.';
    expect([results[0].status, results[0].payout, results[0].explanation]).toEqual([
      "Invalid",
      0,
      message,
    ]);
    expect(issues).toContainEqual({ severity: "error", sheet: "Targets", cell: "P2", message });
  });

  test("a curve whose payout falls makes its targets Invalid", () => {
    const { results } = withCurves([{ ...calls, "Pay curve": "Falling" }]);
    expect(results[0].status).toBe("Invalid");
    expect(results[0].problem).toBe(
      'pay curve "Falling" pays 80% at attainment 120%, less than 100% at 100%; a payout must not fall as attainment rises'
    );
  });
});

describe("adjustments (SPEC §10)", () => {
  const calls = {
    Project: "Helpdesk",
    KPI: "Support calls",
    Start: day("2024-02-01"),
    Window: "1 month",
    Target: -0.2,
    Reward: 5000,
    Team: "Service Desk",
  };

  test("an adjustment adds to the target's payout column of its own, the explanation and the team reward", () => {
    const evaluation = evaluateWorkbook(
      {
        sheets: [
          sheet("Targets", HEADER, [target(calls)]),
          sheet("Observations", ["Project", "KPI", "Date", "Value"], supportCalls),
          sheet(
            "Adjustments",
            ["Project", "KPI", "Amount", "Reason", "Team"],
            [
              ["Helpdesk", "Support calls", -1200, "duplicate tickets", null],
              ["", "", 300, "on-call bonus", "Service Desk"],
            ]
          ),
        ],
      },
      { asOf: day("2024-12-31") }
    );
    const [result] = evaluation.results;
    expect([result.status, result.payout, result.adjustment]).toEqual(["Met", 5000, -1200]);
    expect(result.explanation).toMatch(
      /→ met \(attainment 112%\); adjusted −1,200\.00: duplicate tickets\.$/
    );
    expect(evaluation.teams[0].reward).toBe(5000 - 1200 + 300);
    expect(evaluation.adjustments.map((a) => [a.team, a.amount, a.targetIndex])).toEqual([
      ["Service Desk", -1200, 0],
      ["Service Desk", 300, undefined],
    ]);
  });
});

describe("run history (SPEC §9)", () => {
  const calls = {
    Project: "Helpdesk",
    KPI: "Support calls",
    Start: day("2024-02-01"),
    Window: "1 month",
    Target: -0.2,
    Reward: 5000,
  };
  const grid = workbook({ header: HEADER, rows: [target(calls)], observations: supportCalls });
  const history = (approvedBy?: string) => ({
    runs: [
      {
        run: 1,
        asOf: day("2024-02-15"),
        evaluatedAt: day("2024-02-15"),
        targets: 1,
        met: 0,
        missed: 0,
        pending: 1,
        review: 0,
        totalReward: 0,
        inputs: "x",
        approvedBy,
      },
    ],
    results: [
      {
        run: 1,
        project: "Helpdesk",
        kpi: "Support calls",
        team: "Helpdesk",
        status: "Pending" as const,
        baseline: 412,
        actual: 319.7,
        attainment: 1.12,
        payout: 0,
        start: day("2024-02-01"),
        observations: 15,
      },
    ],
  });

  test("results compare with the last run and the run is planned with the inputs' fingerprint", () => {
    const evaluation = evaluateWorkbook(grid, { asOf: day("2024-03-31"), history: history() });
    const [result] = evaluation.results;
    expect([result.previousStatus, result.previousPayout, result.changed]).toEqual([
      "Pending",
      0,
      "Pending → Met since run 1 (as of 15 Feb 2024): 14 more observations",
    ]);
    expect(evaluation.run?.plan).toEqual({ kind: "new", run: 2 });
    expect(evaluation.run?.inputs).toMatch(/^[0-9a-f]{32}$/);
    expect(evaluation.run?.comparedWith).toBe(1);
  });

  test("the same as-of date and inputs repeat the last run", () => {
    const first = evaluateWorkbook(grid, { asOf: day("2024-03-31"), history: history() });
    const again = evaluateWorkbook(grid, {
      asOf: day("2024-03-31"),
      history: {
        ...history(),
        runs: [{ ...history().runs[0], asOf: day("2024-03-31"), inputs: first.run!.inputs }],
      },
    });
    expect(again.run?.plan).toEqual({ kind: "repeat", run: 1 });
  });

  test("a repeat of run N shows what run N showed: compared with the runs before it", () => {
    const first = evaluateWorkbook(grid, { asOf: day("2024-03-31"), history: history() });
    const recorded = {
      runs: [
        ...history().runs,
        { ...history().runs[0], run: 2, asOf: day("2024-03-31"), inputs: first.run!.inputs },
      ],
      results: [
        ...history().results,
        { ...history().results[0], run: 2, status: "Met" as const, payout: 5000 },
      ],
    };
    const again = evaluateWorkbook(grid, { asOf: day("2024-03-31"), history: recorded });
    expect(again.run?.plan).toEqual({ kind: "repeat", run: 2 });
    expect(again.run?.comparedWith).toBe(1);
    expect(again.results.map((r) => [r.previousStatus, r.previousPayout, r.changed])).toEqual(
      first.results.map((r) => [r.previousStatus, r.previousPayout, r.changed])
    );
  });

  test("a payout that differs from an approved run's is a warning at the target's row", () => {
    const { issues } = evaluateWorkbook(grid, {
      asOf: day("2024-03-31"),
      history: history("Jane Roe"),
    });
    expect(issues).toContainEqual({
      severity: "warning",
      sheet: "Targets",
      cell: "A2",
      message:
        "Helpdesk / Support calls: the payout is now 5,000.00, but run 1 approved 0.00 (approved by Jane Roe); check before paying",
    });
  });

  test("without a history nothing is compared or planned", () => {
    const evaluation = evaluateWorkbook(grid, { asOf: day("2024-03-31") });
    expect(evaluation.run).toBeUndefined();
    expect(evaluation.results[0].changed).toBe("");
  });
});
