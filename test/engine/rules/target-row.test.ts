import { CellReader } from "../../../src/engine/grid/cell-reader";
import { IssueLog } from "../../../src/engine/grid/issue";
import { findTables } from "../../../src/engine/grid/tables";
import type { CellValue } from "../../../src/engine/grid/cell";
import { missingTargetColumns, readTargetRow } from "../../../src/engine/rules/target-row";
import { day, sheet } from "../../support/workbooks";

const HEADER = [
  "Project",
  "KPI",
  "Start",
  "Window",
  "End",
  "Target",
  "Target type",
  "Direction",
  "Baseline",
  "Aggregate",
  "Team",
  "Reward",
  "Threshold",
  "Cap",
  "Pay curve",
];

/** Reads data row `n` (1-based) of a Targets table with HEADER's columns, A to O. */
function read(rows: CellValue[][], header = HEADER) {
  const table = findTables({ sheets: [sheet("Targets", header, rows)] }).targets[0];
  const issues = new IssueLog();
  const problem = missingTargetColumns(table, issues);
  const results = rows.map((_, i) =>
    readTargetRow(table, table.view.firstDataRow + i, new CellReader(), issues, problem)
  );
  return { results, issues: issues.issues };
}

const row = (cells: Partial<Record<string, CellValue>>): CellValue[] =>
  HEADER.map((name) => cells[name] ?? null);

const GOOD = {
  Project: "Helpdesk",
  KPI: "Calls",
  Start: day("2024-02-01"),
  Window: "1 month",
  Target: -0.2,
};

describe("reading a Targets row by column family", () => {
  test("identity, window, promise and payout of a full row", () => {
    const { results, issues } = read([
      row({ ...GOOD, Team: "Service Desk", Reward: 5000, Threshold: 0.8, Cap: 1.2 }),
    ]);
    expect(issues).toEqual([]);
    const read0 = results[0];
    if (!read0.ok) throw new Error(read0.invalid.message);
    expect(read0.target).toMatchObject({
      source: { sheet: "Targets", cell: "A2" },
      kpiCell: { sheet: "Targets", cell: "B2" },
      targetCell: { sheet: "Targets", cell: "F2" },
      project: "Helpdesk",
      kpi: "Calls",
      team: "Service Desk",
      start: day("2024-02-01"),
      evaluation: { from: day("2024-02-01"), to: day("2024-03-01") },
      target: -0.2,
      targetType: "%",
      aggregate: "average",
      minPoints: 1,
      reward: 5000,
      weight: 1,
      threshold: 0.8,
      cap: 1.2,
    });
  });

  test("identity: a blank Project is an error on its cell; Team defaults to the project", () => {
    const { results, issues } = read([row({ ...GOOD, Project: null }), row(GOOD)]);
    expect(issues).toEqual([
      {
        severity: "error",
        sheet: "Targets",
        cell: "A2",
        message: "Project (Targets!A2) is blank; enter the project's name",
      },
    ]);
    expect(results[0].ok).toBe(false);
    expect(results[1].ok && results[1].target.team).toBe("Helpdesk");
  });

  test("window: End wins over Window with a warning; End before Start is an error", () => {
    const { results, issues } = read([
      row({ ...GOOD, End: day("2024-02-10") }),
      row({ ...GOOD, Window: null, End: day("2024-01-10") }),
    ]);
    expect(results[0].ok && results[0].target.evaluation).toEqual({
      from: day("2024-02-01"),
      to: day("2024-02-11"),
    });
    expect(issues).toEqual([
      {
        severity: "warning",
        sheet: "Targets",
        cell: "D2",
        message: "Both Window and End are filled; End (10 Feb 2024) is used — clear one of them",
      },
      {
        severity: "error",
        sheet: "Targets",
        cell: "E3",
        message: "End (Targets!E3) 10 Jan 2024 is before Start 1 Feb 2024; correct one of them",
      },
    ]);
  });

  test("promise: an unknown Target type and Aggregate are errors naming what to use", () => {
    const { issues } = read([row({ ...GOOD, "Target type": "ratio", Aggregate: "mode" })]);
    expect(issues.map((i) => [i.cell, i.message])).toEqual([
      ["G2", 'Target type (Targets!G2) "ratio" is not a target type; use %, change or value'],
      [
        "J2",
        'Aggregate (Targets!J2) "mode" is not an aggregate; use average, sum, min, max, median, first, last or count',
      ],
    ]);
  });

  test("payout: a Cap below the Threshold is an error; a Pay curve makes both ignored, with a warning", () => {
    const { results, issues } = read([
      row({ ...GOOD, Threshold: 1.2, Cap: 0.8 }),
      row({ ...GOOD, Threshold: 0.8, "Pay curve": " Steep " }),
    ]);
    expect(issues.map((i) => [i.severity, i.cell, i.message])).toEqual([
      [
        "error",
        "N2",
        "Cap (Targets!N2) 80% is below Threshold 120%; the cap must be at least the threshold",
      ],
      [
        "warning",
        "M3",
        'Threshold (Targets!M3) is ignored: the pay curve "Steep" decides the payout — clear it',
      ],
    ]);
    expect(results[1].ok && results[1].target).toMatchObject({
      threshold: undefined,
      cap: undefined,
      payCurve: { name: "Steep", cell: { sheet: "Targets", cell: "O3" } },
    });
  });

  test("an Invalid row says its first problem and how many more there are", () => {
    const { results } = read([row({ ...GOOD, Project: null, Start: "soon", Target: 0 })]);
    expect(!results[0].ok && results[0].invalid.message).toBe(
      "Project (Targets!A2) is blank; enter the project's name (and 2 more problems in this row, see KpiIssues)"
    );
  });

  test("a table without Window or End: one error on its header, repeated on every row", () => {
    const { results, issues } = read(
      [["Helpdesk", "Calls", day("2024-02-01"), -0.2]],
      ["Project", "KPI", "Start", "Target"]
    );
    expect(issues[0]).toEqual({
      severity: "error",
      sheet: "Targets",
      cell: "A1",
      message: "The Targets table A1:D2 has no Window or End column; add it to the header row",
    });
    expect(!results[0].ok && results[0].invalid.message).toBe(issues[0].message);
  });
});
