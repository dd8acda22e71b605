import {
  applyAdjustments,
  formatSignedMoney,
  readAdjustments,
} from "../../../src/engine/rules/adjustment";
import { CellReader } from "../../../src/engine/grid/cell-reader";
import type { CellValue } from "../../../src/engine/grid/cell";
import { IssueLog } from "../../../src/engine/grid/issue";
import { findTables } from "../../../src/engine/grid/tables";
import { sheet } from "../../support/workbooks";

const targets = [
  { project: "Helpdesk", kpi: "Calls", team: "Service", source: { sheet: "Targets", cell: "A2" } },
  { project: "Helpdesk", kpi: "CSAT", team: "Service", source: { sheet: "Targets", cell: "A3" } },
  { project: "Shop", kpi: "Sales", team: "Digital", source: { sheet: "Targets", cell: "A4" } },
  { project: "Shop", kpi: "Sales", team: "Digital", source: { sheet: "Targets", cell: "A5" } },
];

const HEADER = ["Project", "KPI", "Amount", "Reason", "Team", "Approved by"];

function adjust(rows: CellValue[][]) {
  const found = findTables({ sheets: [sheet("Adjustments", HEADER, rows)] });
  const issues = new IssueLog();
  const adjustments = readAdjustments(found.adjustments ?? [], new CellReader(), issues);
  return {
    found,
    adjustments,
    applied: applyAdjustments(adjustments, targets, issues),
    issues: issues.issues,
  };
}

describe("adjustments", () => {
  test("an Adjustments table is recognised by its header, like the others", () => {
    const { found } = adjust([["Helpdesk", "Calls", 500, "late data", null, null]]);
    expect(found.adjustments?.map((t) => t.sheet)).toEqual(["Adjustments"]);
    expect(found.observations).toEqual([]);
  });

  test("an amount is added to the target with that Project and KPI, names matched loosely", () => {
    const { applied, issues } = adjust([
      ["helpdesk", "CALLS", 500, "late data", null, "Jane"],
      ["Helpdesk", "Calls", -200, "clawback", null, null],
    ]);
    expect(issues).toEqual([]);
    expect(applied.byTarget.get(0)).toBe(300);
    expect(applied.phrases.get(0)).toBe("adjusted +500.00: late data; adjusted −200.00: clawback");
    expect(applied.byTeam.get("Service")).toBe(300);
    expect(applied.applied[0]).toMatchObject({
      team: "Service",
      targetIndex: 0,
      approvedBy: "Jane",
    });
  });

  test("with KPI blank the amount is the team's own line: the Team named, else the Project's", () => {
    const { applied, issues } = adjust([
      ["", "", 1000, "team bonus", "Digital", null],
      ["Helpdesk", null, 250, "extra shift", null, null],
    ]);
    expect(issues).toEqual([]);
    expect(applied.byTarget.size).toBe(0);
    expect([...applied.byTeam]).toEqual([
      ["Digital", 1000],
      ["Service", 250],
    ]);
  });

  test("several targets with one Project and KPI: the first gets it, and a warning says so", () => {
    const { applied, issues } = adjust([["Shop", "Sales", 100, "rounding", null, null]]);
    expect(applied.byTarget.get(2)).toBe(100);
    expect(issues).toEqual([
      {
        severity: "warning",
        sheet: "Adjustments",
        cell: "A2",
        message:
          "Adjustment (Adjustments!A2): 2 targets are Shop / Sales; the amount goes to the first (Targets!A4)",
      },
    ]);
  });

  test("a row without a number in Amount is an error and is not applied", () => {
    const { applied, issues } = adjust([
      ["Helpdesk", "Calls", "five hundred", "late data", null, null],
      ["Helpdesk", "Calls", null, "late data", null, null],
    ]);
    expect(applied.applied).toEqual([]);
    expect(issues.map((i) => [i.severity, i.cell, i.message])).toEqual([
      [
        "error",
        "C2",
        'Adjustment: Amount (Adjustments!C2) holds the text "five hundred"; enter a number — the adjustment is not applied',
      ],
      [
        "error",
        "C3",
        "Adjustment: Amount (Adjustments!C3) is blank; enter the amount to add (negative to take back) — the adjustment is not applied",
      ],
    ]);
  });

  test("a row without a Reason is an error and is not applied", () => {
    const { applied, issues } = adjust([["Helpdesk", "Calls", 500, "  ", null, null]]);
    expect(applied.applied).toEqual([]);
    expect(issues).toEqual([
      {
        severity: "error",
        sheet: "Adjustments",
        cell: "D2",
        message:
          "Adjustment (Adjustments!D2): no Reason; say why the amount is adjusted — the adjustment is not applied",
      },
    ]);
  });

  test("a row that matches no target is an error and is not applied", () => {
    const { applied, issues } = adjust([
      ["Helpdesk", "Tickets", 500, "typo", null, null],
      ["", "", 500, "who?", "Finance", null],
      ["", "", 500, "who?", null, null],
    ]);
    expect(applied.applied).toEqual([]);
    expect(issues.map((i) => i.message)).toEqual([
      "Adjustment (Adjustments!A2): no target is Helpdesk / Tickets; check the Project and KPI against the Targets table — the adjustment is not applied",
      "Adjustment (Adjustments!A3): no target belongs to the team Finance; name a KPI of a target, or a Team that has targets — the adjustment is not applied",
      "Adjustment (Adjustments!A4): it names no Project, KPI or Team; name a KPI of a target, or a Team that has targets — the adjustment is not applied",
    ]);
  });

  test("amounts show their sign as money", () => {
    expect(formatSignedMoney(500)).toBe("+500.00");
    expect(formatSignedMoney(-1200)).toBe("−1,200.00");
  });
});
