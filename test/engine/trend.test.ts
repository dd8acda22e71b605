import { type CellValue, findTables, trendFinder } from "../../src/engine";
import { day, everyDay, longRows, workbook } from "../support/workbooks";

const HEADER = ["Project", "KPI", "Start", "Window", "Target", "Baseline", "Aggregate"];

function finder(rows: CellValue[][], observations: CellValue[][], asOf: string) {
  return trendFinder(
    findTables(workbook({ header: HEADER, rows, observations })),
    false,
    day(asOf)
  );
}

describe("trendOf: what the pane draws for a target", () => {
  // The SPEC's example: January averages 412.0, February 319.7; one day outside either window each side.
  const observations = longRows("Helpdesk", "Support calls", [
    ["2023-12-31", 999],
    ...everyDay("2024-01-01", 31, 412),
    ...everyDay("2024-02-01", 29, 319.7),
    ["2024-03-01", 1],
  ]);
  const trend = finder(
    [["Helpdesk", "Support calls", day("2024-02-01"), "1 month", -0.2, null, null]],
    observations,
    "2024-12-31"
  );

  test("the points run from the baseline window's first day to the evaluation window's last", () => {
    const found = trend({ sheet: "Targets", cell: "A2" })!;
    expect(found.kpi).toBe("Support calls");
    expect(found.points).toHaveLength(60);
    expect(found.cumulative).toBe(false);
    expect(found.points[0]).toEqual({ day: day("2024-01-01"), value: 412 });
    expect(found.points[59]).toEqual({ day: day("2024-02-29"), value: 319.7 });
  });

  test("both windows, the baseline level B and the target level T = B × (1 − 20%)", () => {
    const found = trend({ sheet: "Targets", cell: "A2" })!;
    expect(found.baseline).toEqual({ from: day("2024-01-01"), to: day("2024-02-01") });
    expect(found.evaluation).toEqual({ from: day("2024-02-01"), to: day("2024-03-01") });
    expect(found.baselineLevel).toBe(412);
    expect(found.targetLevel).toBeCloseTo(329.6, 10);
    expect(found.asOf).toBe(day("2024-12-31"));
  });

  test("a closed window has no projected point", () => {
    expect(trend({ sheet: "Targets", cell: "A2" })!.projected).toBeUndefined();
  });

  test("a cell that starts no target, or a target without observations, has no trend", () => {
    expect(trend({ sheet: "Targets", cell: "A3" })).toBeUndefined();
    const missing = finder(
      [["Helpdesk", "Tickets", day("2024-02-01"), "1 month", -0.2, null, null]],
      observations,
      "2024-12-31"
    );
    expect(missing({ sheet: "Targets", cell: "A2" })).toBeUndefined();
  });

  test("an open sum window projects its total so far to the window's last day (SPEC §11)", () => {
    // February: 10 a day over 29 days = 290, scaled to March's 31 days → B = 310; T = 310 × 1.1 = 341.
    // March so far: 12 a day for 10 days = 120 → projected 120 × 31 / 10 = 372 on 31 March.
    const sales = longRows("Shop", "Sales", [
      ...everyDay("2024-02-01", 29, 10),
      ...everyDay("2024-03-01", 10, 12),
    ]);
    const open = finder(
      [["Shop", "Sales", day("2024-03-01"), "1 month", 0.1, null, "sum"]],
      sales,
      "2024-03-10"
    )({ sheet: "Targets", cell: "A2" })!;
    expect(open.baselineLevel).toBeCloseTo(310, 10);
    expect(open.targetLevel).toBeCloseTo(341, 10);
    expect(open.projected?.day).toBe(day("2024-03-31"));
    // A sum is drawn as the running total of each window, comparable with B and T.
    expect(open.cumulative).toBe(true);
    expect(open.points[0]).toEqual({ day: day("2024-02-01"), value: 10 });
    expect(open.points[28]).toEqual({ day: day("2024-02-29"), value: 290 });
    expect(open.points[29]).toEqual({ day: day("2024-03-01"), value: 12 });
    expect(open.points[38]).toEqual({ day: day("2024-03-10"), value: 120 });
    expect(open.projected?.value).toBeCloseTo(372, 10);
  });

  test("a fixed baseline has a level but no baseline window; points cover the evaluation window", () => {
    const fixed = finder(
      [["Helpdesk", "Support calls", day("2024-02-01"), "1 month", -0.2, 400, null]],
      observations,
      "2024-12-31"
    )({ sheet: "Targets", cell: "A2" })!;
    expect(fixed.baseline).toBeUndefined();
    expect(fixed.baselineLevel).toBe(400);
    expect(fixed.targetLevel).toBeCloseTo(320, 10);
    expect(fixed.points).toHaveLength(29);
  });
});
