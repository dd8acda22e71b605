import type { Evaluation } from "../../src/engine";
import { bodyRows, issuesTable, RESULTS_HEADER, teamsTable } from "../../src/sheet/output-tables";

const evaluation = {
  asOf: 45565,
  results: [],
  teams: [
    {
      team: "Service Desk",
      targets: 2,
      met: 1,
      missed: 1,
      pending: 0,
      review: 0,
      score: null,
      eligible: "No",
      reward: 6893.68,
    },
  ],
  issues: [{ severity: "error", sheet: "Helpdesk Revamp", cell: "B229", message: "n/a" }],
  tables: [],
  adjustments: [],
} as unknown as Evaluation;

describe("the tables every host writes", () => {
  test("KpiResults has SPEC's 19 columns, Explanation and the run comparison last", () => {
    expect(RESULTS_HEADER.length).toBe(19);
    expect(RESULTS_HEADER.slice(9, 16)).toEqual([
      "Attainment",
      "Projected",
      "Pace",
      "Status",
      "Payout",
      "Adjustment",
      "Explanation",
    ]);
  });

  test("KpiTeams: one row per team, a missing score blank, eligibility coloured", () => {
    const teams = teamsTable(evaluation);
    expect(teams.rows).toEqual([["Service Desk", 2, 1, 1, 0, 0, null, "No", 6893.68]]);
    expect(teams.formats[6]).toBe("percent");
    expect(teams.highlights).toEqual([{ column: 7, highlight: "eligible" }]);
  });

  test("KpiIssues: severity, sheet, cell and message as text", () => {
    const issues = issuesTable(evaluation);
    expect(issues.header).toEqual(["Severity", "Sheet", "Cell", "Message"]);
    expect(issues.rows).toEqual([["error", "Helpdesk Revamp", "B229", "n/a"]]);
  });

  test("an empty table keeps one blank row, as a spreadsheet table needs one", () => {
    expect(bodyRows(issuesTable({ ...evaluation, issues: [] }))).toEqual([
      [null, null, null, null],
    ]);
  });
});
