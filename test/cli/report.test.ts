import { jsonReport, textReport } from "../../src/cli/report";
import { evaluateWorkbook } from "../../src/engine";
import { day, everyDay, longRows, sheet } from "../support/workbooks";

/** The SPEC's example (Helpdesk, −22.4 % against a −20 % target: Met) and a Missed sales target. */
function evaluation() {
  return evaluateWorkbook(
    {
      sheets: [
        sheet(
          "Targets",
          ["Project", "KPI", "Start", "Window", "Target", "Reward", "Team"],
          [
            ["Helpdesk", "Support calls", day("2024-02-01"), "1 month", -0.2, 5000, "Service"],
            ["Shop", "Sales", day("2024-02-01"), "1 month", 0.5, 1234.5, "Retail"],
          ]
        ),
        sheet(
          "Observations",
          ["Project", "KPI", "Date", "Value"],
          [
            ...longRows("Helpdesk", "Support calls", [
              ...everyDay("2024-01-01", 31, 412),
              ...everyDay("2024-02-01", 29, 319.7),
            ]),
            ...longRows("Shop", "Sales", [
              ...everyDay("2024-01-01", 31, 100),
              ...everyDay("2024-02-01", 29, 110),
            ]),
            ["Shop", "Sales", "not a date", 5],
          ]
        ),
      ],
    },
    { asOf: day("2024-03-01") }
  );
}

describe("the text summary", () => {
  test("teams with eligibility and reward, the counts, the total and the issues, without colour", () => {
    const lines = textReport(evaluation(), "book.xlsx", false).split("\n");
    expect(lines[0]).toBe("KPI Rewards — book.xlsx, as of 2024-03-01");
    expect(lines.slice(2, 5)).toEqual([
      "Team     Eligible  Met  Missed  Pending  Review        Reward",
      "Service  Yes         1       0        0       0      5,000.00",
      "Retail   No          0       1        0       0          0.00",
    ]);
    expect(lines.slice(6)).toEqual([
      "2 targets: 1 met, 1 missed, 0 pending, 0 to review",
      "Total reward: 5,000.00",
      expect.stringMatching(/^Issues: 1 \(1 errors, 0 warnings\)$/),
    ]);
  });

  test("on a terminal Yes is green and No red", () => {
    const text = textReport(evaluation(), "book.xlsx", true);
    expect(text).toContain("\x1b[32mYes     \x1b[0m");
    expect(text).toContain("\x1b[31mNo      \x1b[0m");
  });
});

describe("the --json document", () => {
  test("SPEC §8's keys in order, dates as YYYY-MM-DD, issues with their cells", () => {
    const doc = JSON.parse(jsonReport(evaluation()));
    expect(Object.keys(doc)).toEqual(["asOf", "results", "teams", "issues"]);
    expect(doc.asOf).toBe("2024-03-01");
    expect(Object.keys(doc.results[1])).toEqual([
      "project",
      "team",
      "kpi",
      "start",
      "end",
      "baseline",
      "actual",
      "targetValue",
      "change",
      "attainment",
      "projected",
      "pace",
      "status",
      "payout",
      "adjustment",
      "explanation",
      "previousStatus",
      "previousPayout",
      "changed",
      "source",
    ]);
    expect(doc.results[1]).toMatchObject({
      project: "Shop",
      start: "2024-02-01",
      end: "2024-02-29",
      baseline: 100,
      actual: 110,
      targetValue: 150,
      status: "Missed",
      payout: 0,
      source: "Targets!A3",
    });
    expect(doc.results[1].change).toBeCloseTo(0.1, 12);
    expect(doc.results[1].attainment).toBeCloseTo(0.2, 12);
    expect(doc.teams[1]).toEqual({
      team: "Retail",
      targets: 1,
      met: 0,
      missed: 1,
      pending: 0,
      review: 0,
      // The score is the team's mean attainment: one target at 20 %.
      score: expect.closeTo(0.2, 12),
      eligible: "No",
      reward: 0,
    });
    expect(doc.issues).toEqual([
      expect.objectContaining({ severity: "error", sheet: "Observations", cell: "C122" }),
    ]);
  });
});
