import { evaluateWorkbook, type CellValue } from "../../src/engine";
import { RESULTS_HEADER, resultsTable, SHEET_COLUMN_WIDTHS } from "../../src/engine/results-sheet";
import { day, everyDay, longRows, sheet } from "../support/workbooks";

const column = (name: string) => (RESULTS_HEADER as readonly string[]).indexOf(name);

describe("the results sheet's KpiResults", () => {
  const observations = longRows("Helpdesk", "Calls", [
    ...everyDay("2024-01-01", 31, 400),
    ...everyDay("2024-02-01", 10, 300),
  ]);
  const header = ["Project", "KPI", "Start", "Window", "Target", "Reward"];
  const rows: CellValue[][] = [
    ["Helpdesk", "Calls", day("2024-02-01"), "1 month", -0.2, 1000],
    ["Helpdesk", "Calls", day("2024-01-01"), "1 month", -0.5, 1000],
  ];
  const evaluation = evaluateWorkbook(
    {
      sheets: [
        sheet("Targets", header, rows),
        sheet("Observations", ["Project", "KPI", "Date", "Value"], observations),
        sheet(
          "Adjustments",
          ["Project", "KPI", "Amount", "Reason"],
          [["Helpdesk", "Calls", 250, "late data"]]
        ),
      ],
    },
    { asOf: day("2024-02-10") }
  );
  const table = resultsTable(evaluation);

  test("Projected and Pace follow Attainment, Adjustment follows Payout, the comparison follows Explanation", () => {
    expect(RESULTS_HEADER.slice(9)).toEqual([
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
    expect(table.formats[column("Projected")]).toBe("number");
    expect(table.formats[column("Adjustment")]).toBe("money");
    expect(table.formats[column("Previous payout")]).toBe("money");
  });

  test("a Pending row shows its projection and pace; a decided row leaves them blank", () => {
    // February so far: 10 days of 300; T = 400 × 0.8 = 320, so on track.
    const [pending, decided] = table.rows;
    expect([
      pending[column("Projected")],
      pending[column("Pace")],
      pending[column("Status")],
    ]).toEqual([300, "On track", "Pending"]);
    expect([decided[column("Projected")], decided[column("Pace")]]).toEqual([null, null]);
  });

  test("the adjustment stands in its own column; Payout stays the rule's payout", () => {
    const [pending, decided] = table.rows;
    expect([pending[column("Payout")], pending[column("Adjustment")]]).toEqual([0, 250]);
    expect(decided[column("Adjustment")]).toBeNull();
  });

  test("pace and both status columns are highlighted", () => {
    expect(table.highlights).toEqual([
      { column: 9, highlight: "attainment" },
      { column: 11, highlight: "pace" },
      { column: 12, highlight: "status" },
      { column: 16, highlight: "status" },
    ]);
  });

  test("every sheet column has a width, the explanation the widest", () => {
    expect(SHEET_COLUMN_WIDTHS).toHaveLength(RESULTS_HEADER.length);
    expect(Math.max(...SHEET_COLUMN_WIDTHS)).toBe(SHEET_COLUMN_WIDTHS[column("Explanation")]);
  });
});
