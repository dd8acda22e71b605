import type { RunHistory } from "../../src/engine/runs/run-history";
import { historySheet } from "../../src/sheet/history-sheet";
import { day } from "../support/workbooks";

const history: RunHistory = {
  runs: [
    {
      run: 1,
      asOf: day("2024-09-30"),
      evaluatedAt: day("2024-10-01") + 0.375,
      targets: 2,
      met: 1,
      missed: 1,
      pending: 0,
      review: 0,
      totalReward: 1500,
      inputs: "0123456789abcdef0123456789abcdef",
      approvedBy: "Ana",
      approvedAt: day("2024-10-02") + 0.5,
    },
  ],
  results: [
    {
      run: 1,
      project: "Helpdesk",
      kpi: "Calls",
      team: "Service Desk",
      status: "Met",
      baseline: 412,
      actual: 319.7,
      attainment: 1.12,
      payout: 1500,
      start: day("2024-02-01"),
      observations: 29,
    },
    {
      run: 1,
      project: "Helpdesk",
      kpi: "Response",
      team: "Service Desk",
      status: "Missed",
      baseline: null,
      actual: null,
      attainment: null,
      payout: 0,
      start: null,
      observations: null,
    },
  ],
};

describe("the KPI History sheet's layout", () => {
  test("KpiRuns from A1 with SPEC §9's columns, one row per run", () => {
    const sheet = historySheet(history);
    expect(sheet.name).toBe("KPI History");
    const { table, top, left } = sheet.tables[0];
    expect([top, left]).toEqual([0, 0]);
    expect(table.name).toBe("KpiRuns");
    expect(table.header).toEqual([
      "Run",
      "As of",
      "Evaluated at",
      "Targets",
      "Met",
      "Missed",
      "Pending",
      "Review",
      "Total reward",
      "Inputs",
      "Approved by",
      "Approved at",
    ]);
    expect(table.formats).toEqual([
      "count",
      "date",
      "datetime",
      "count",
      "count",
      "count",
      "count",
      "count",
      "money",
      "text",
      "text",
      "datetime",
    ]);
    expect(table.rows).toEqual([
      [
        1,
        45565,
        45566.375,
        2,
        1,
        1,
        0,
        0,
        1500,
        "0123456789abcdef0123456789abcdef",
        "Ana",
        45567.5,
      ],
    ]);
  });

  test("KpiRunResults beside KpiRuns from column N on the same header row, so a new run moves no cell; blanks where a run had no number, status coloured", () => {
    const { table, top, left } = historySheet(history).tables[1];
    // KpiRuns takes A–L, M stays blank, KpiRunResults starts at N (0-based column 13).
    expect([top, left]).toEqual([0, 13]);
    expect(table.name).toBe("KpiRunResults");
    expect(table.header.slice(0, 9)).toEqual([
      "Run",
      "Project",
      "KPI",
      "Team",
      "Status",
      "Baseline",
      "Actual",
      "Attainment",
      "Payout",
    ]);
    expect(table.rows).toEqual([
      [1, "Helpdesk", "Calls", "Service Desk", "Met", 412, 319.7, 1.12, 1500, 45323, 29],
      [1, "Helpdesk", "Response", "Service Desk", "Missed", null, null, null, 0, null, null],
    ]);
    expect(table.highlights).toEqual([{ column: 4, highlight: "status" }]);
  });

  test("an empty history still lays out both tables, each with its one blank row", () => {
    const sheet = historySheet({ runs: [], results: [] });
    expect(sheet.tables.map((t) => [t.table.name, t.top, t.left, t.table.rows.length])).toEqual([
      ["KpiRuns", 0, 0, 0],
      ["KpiRunResults", 0, 13, 0],
    ]);
  });

  test("dates and times in a 1904 workbook are 1,462 days lower; counts and money are not", () => {
    const sheet = historySheet(history, true);
    expect(sheet.date1904).toBe(true);
    expect(sheet.tables[0].table.rows[0].slice(0, 4)).toEqual([1, 44103, 44104.375, 2]);
    expect(sheet.tables[0].table.rows[0][11]).toBe(44105.5);
    expect(sheet.tables[1].table.rows[0][9]).toBe(43861);
  });

  test("columns as wide as their headers need, Inputs a 32-character fingerprint, the gap between the tables narrow; the header row stays in view", () => {
    const sheet = historySheet(history);
    expect(sheet.columns.map((c) => c.width)).toEqual([
      // KpiRuns A–L: up to six letters 12, longer 16, Inputs 34
      12, 12, 16, 16, 12, 12, 16, 12, 16, 34, 16, 16,
      // M
      3,
      // KpiRunResults N–X
      12, 16, 12, 12, 12, 16, 12, 16, 12, 12, 16,
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.lines).toEqual([]);
  });
});
