import { failedTable, portfolioSheet, RESULTS_HEADER, type OutputTable } from "../../src/sheet";
import { SHEET_COLUMN_WIDTHS } from "../../src/sheet/column-widths";
import { TEAMS_HEADER } from "../../src/sheet/output-tables";
import { day } from "../support/workbooks";
import { monthEnd } from "../support/month-end";

const sheet = portfolioSheet(monthEnd(), day("2024-03-01"), "2026-11-24 09:30");
const table = (name: string): { table: OutputTable; top: number } =>
  sheet.tables.find((t) => t.table.name === name)!;

describe("the portfolio workbook's sheet", () => {
  test("title, header line and summary: workbooks evaluated and failed, team verdicts, reward, issues", () => {
    expect(sheet.lines.slice(0, 11).map((l) => [l.row, ...l.values])).toEqual([
      [0, "KPI Rewards portfolio"],
      [
        1,
        "As of 1 Mar 2024 · evaluated 2026-11-24 09:30 · 3 workbooks: 2 evaluated, 1 failed · 3 targets · 2 teams · 0 issues",
      ],
      [3, "As of", day("2024-03-01")],
      [4, "Workbooks evaluated", 2],
      [5, "Workbooks failed", 1],
      [6, "Teams eligible", 1],
      [7, "Teams not eligible", 1],
      [8, "Teams pending", 0],
      [9, "Teams to review", 0],
      [10, "Total reward", 6000],
      [11, "Issues", 0],
    ]);
    expect(sheet.lines[2].formats).toEqual(["text", "date"]);
    expect(sheet.lines[9].formats).toEqual(["text", "money"]);
    expect(sheet.print.title).toBe("KPI Rewards portfolio as of 1 Mar 2024");
    expect(sheet.frozenRows).toBe(2);
  });

  test("the failed workbooks come first, with their errors", () => {
    expect(table("KpiFailed").top).toBe(13);
    expect(table("KpiFailed").table.header).toEqual(["Workbook", "Error"]);
    expect(table("KpiFailed").table.rows).toEqual([["broken.xlsx", "is not an .xlsx workbook"]]);
    // None failed: the table keeps its place with one blank row, as a spreadsheet table needs.
    expect(failedTable(monthEnd().filter((w) => "evaluation" in w)).rows).toEqual([]);
  });

  test("every workbook's teams under a Workbook column, in input order, with the totals under them", () => {
    const { table: teams, top } = table("KpiTeams");
    // KpiFailed's header on row 13, its one row on 14, two rows apart.
    expect(top).toBe(17);
    expect(teams.header).toEqual(["Workbook", ...TEAMS_HEADER]);
    expect(teams.rows.map((r) => r.filter((_, c) => c !== 7))).toEqual([
      ["north.xlsx", "Service", 1, 1, 0, 0, 0, "Yes", 5000],
      ["east.xlsx", "Ops", 2, 1, 1, 0, 0, "No", 1000],
    ]);
    expect(teams.formats[0]).toBe("text");
    expect(teams.formats[9]).toBe("money");
    // Eligible moved one column right with everything else.
    expect(teams.highlights).toEqual([{ column: 8, highlight: "eligible" }]);
    expect(sheet.lines.find((l) => l.emphasis === "total")).toMatchObject({
      row: 20,
      values: ["Total", null, 3, 2, 1, 0, 0, null, null, 6000],
    });
  });

  test("every workbook's targets under a Workbook column, three rows under the totals", () => {
    const { table: results, top } = table("KpiResults");
    expect(top).toBe(23);
    expect(results.header).toEqual(["Workbook", ...RESULTS_HEADER]);
    const pick = (name: string) => results.header.indexOf(name);
    expect(
      results.rows.map((r) => [r[0], r[pick("Project")], r[pick("Status")], r[pick("Payout")]])
    ).toEqual([
      ["north.xlsx", "North", "Met", 5000],
      ["east.xlsx", "East", "Met", 1000],
      ["east.xlsx", "East", "Missed", 0],
    ]);
    expect(results.rows[0][pick("Change")]).toBeCloseTo((319.7 - 412) / 412, 12);
    expect(results.highlights.map((h) => [h.column, h.highlight])).toEqual([
      [pick("Attainment"), "attainment"],
      [pick("Pace"), "pace"],
      [pick("Status"), "status"],
      [pick("Previous status"), "status"],
    ]);
    expect(pick("Attainment")).toBe(10);
  });

  test("the Workbook column is 30 characters wide, then the results sheet's columns; Explanation wraps", () => {
    expect(sheet.columns.map((c) => c.width)).toEqual([30, ...SHEET_COLUMN_WIDTHS]);
    expect(sheet.columns.filter((c) => c.wrap)).toHaveLength(1);
    // Column Q: Explanation is KpiResults' 16th column, after the Workbook column.
    expect(sheet.columns[16].wrap).toBe(true);
    expect(RESULTS_HEADER[15]).toBe("Explanation");
  });

  test("with no workbook evaluated, the tables keep their headers", () => {
    const empty = portfolioSheet([{ file: "a.xlsx", error: "no such file" }], 45000, "now");
    expect(empty.tables.map((t) => [t.table.name, t.top, t.table.header.length])).toEqual([
      ["KpiFailed", 13, 2],
      ["KpiTeams", 17, 10],
      // KpiTeams' one blank row on 18, its totals on 19.
      ["KpiResults", 22, 20],
    ]);
  });
});
