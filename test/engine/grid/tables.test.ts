import { evaluateWorkbook, findTables } from "../../../src/engine";
import { headerKey, targetColumn } from "../../../src/engine/grid/header";
import { day } from "../../support/workbooks";

describe("recognising tables by their header row", () => {
  test("headers ignore case, spaces, _ and -", () => {
    expect(headerKey("Target_Type")).toBe(headerKey("target type"));
    expect(headerKey("MIN-POINTS")).toBe("minpoints");
  });

  test("Go live and Golive are Start; Go-live date is not", () => {
    const found = findTables({
      sheets: [
        { name: "A", values: [["project", "KPI", "Go live", "window", "TARGET"]] },
        { name: "B", values: [["Project", "KPI", "Go-live date", "Window", "Target"]] },
      ],
    });
    expect(found.targets.map((t) => [t.sheet, t.columns.start])).toEqual([
      ["A", 2],
      ["B", undefined],
    ]);
  });

  test("a plain range's first non-empty row holds the headers, wherever the used range starts", () => {
    const found = findTables({
      sheets: [
        {
          name: "Data",
          top: 4,
          left: 2,
          values: [
            [null, null],
            ["Date", "Calls"],
            [day("2024-01-01"), 5],
          ],
        },
      ],
    });
    expect(found.observations).toHaveLength(1);
    const [table] = found.observations;
    expect(table.kind).toBe("wide observations");
    expect(table.view.rangeAddress).toBe("C6:D7");
    expect(table.view.address(2, 1)).toBe("D7");
    expect(table.kpiColumns).toEqual([{ column: 1, kpi: "Calls" }]);
  });

  test("Excel tables are read where they sit, several per sheet", () => {
    const values = [
      ["Project", "KPI", "Date", "Value", null, "Date", "Calls"],
      ["P", "K", 45000, 1, null, 45000, 3],
      [null, null, null, null, null, 45001, 4],
    ];
    const found = findTables({
      sheets: [
        {
          name: "Obs",
          values,
          tables: [
            { name: "Long", top: 0, left: 0, rowCount: 2, columnCount: 4 },
            { name: "Wide", top: 0, left: 5, rowCount: 3, columnCount: 2 },
          ],
        },
      ],
    });
    expect(found.observations.map((t) => [t.name, t.kind, t.view.rangeAddress])).toEqual([
      ["Long", "long observations", "A1:D2"],
      ["Wide", "wide observations", "F1:G3"],
    ]);
  });

  test("headers holding non-breaking or zero-width spaces are recognised", () => {
    expect(targetColumn("Target\u00a0Type")).toBe("targetType");
    expect(targetColumn("\u200bProject")).toBe("project");
    expect(targetColumn("Min\u200c\u200dPoints\u2060")).toBe("minPoints");
    expect(targetColumn("\ufeffKPI")).toBe("kpi");
  });

  test("an Excel table is exactly its own range: title lines above it are not its header", () => {
    const values = [
      ["Q1 observations, exported 2024-04-02", null, null, null],
      [null, null, null, null],
      ["Project", "KPI", "Date", "Value"],
      ["P", "K", 45000, 7],
    ];
    const found = findTables({
      sheets: [
        {
          name: "Obs",
          values,
          tables: [{ name: "Obs1", top: 2, left: 0, rowCount: 2, columnCount: 4 }],
        },
      ],
    });
    expect(found.observations.map((t) => [t.name, t.kind, t.view.rangeAddress])).toEqual([
      ["Obs1", "long observations", "A3:D4"],
    ]);
  });

  test("a table's totals row is never data", () => {
    const values = [
      ["Project", "KPI", "Start", "Window", "Target", "Reward"],
      ["Apollo", "Calls", 45292, "1 month", 10, 500],
      ["Total", null, null, null, null, 500],
    ];
    const found = findTables({
      sheets: [
        {
          name: "Targets",
          values,
          tables: [{ name: "T", top: 0, left: 0, rowCount: 3, columnCount: 6, totalsRowCount: 1 }],
        },
      ],
    });
    const [table] = found.targets;
    expect(table.view.endRow).toBe(2);
    // The summary shows the data range the engine reads: header and one row.
    expect(table.view.rangeAddress).toBe("A1:F2");
  });

  test("a totals row of a long table moves no count, sum or last value", () => {
    const evaluation = evaluateWorkbook(
      {
        sheets: [
          {
            name: "Targets",
            values: [
              [
                "Project",
                "KPI",
                "Start",
                "Window",
                "Target",
                "Aggregate",
                "Target type",
                "Min points",
              ],
              ["Apollo", "Calls", day("2024-01-01"), "1 month", 3, "count", "value"],
            ],
          },
          {
            name: "Obs",
            values: [
              ["Project", "KPI", "Date", "Value"],
              ["Apollo", "Calls", day("2023-12-05"), 1],
              ["Apollo", "Calls", day("2024-01-05"), 4],
              ["Apollo", "Calls", day("2024-01-06"), 6],
              ["Apollo", "Calls", day("2024-01-31"), 10],
            ],
            tables: [
              { name: "Obs", top: 0, left: 0, rowCount: 5, columnCount: 4, totalsRowCount: 1 },
            ],
          },
        ],
      },
      { asOf: day("2024-06-30") }
    );
    // Two observations in January, not three (which would meet 3): the bottom row is the totals row.
    expect(evaluation.results.map((r) => [r.actual, r.status])).toEqual([[2, "Missed"]]);
    expect(evaluation.tables.find((t) => t.name === "Obs")?.rows).toBe(3);
  });

  test("a table without a header row is not read, and a warning names it and what to do", () => {
    const found = findTables({
      sheets: [
        {
          name: "Obs",
          top: 3,
          left: 1,
          values: [
            ["Apollo", "Calls", 45000, 1],
            ["Apollo", "Calls", 45001, 2],
          ],
          tables: [
            { name: "Raw", top: 3, left: 1, rowCount: 2, columnCount: 4, hasHeaderRow: false },
          ],
        },
      ],
    });
    expect(found.observations).toEqual([]);
    expect(found.issues).toEqual([
      {
        severity: "warning",
        sheet: "Obs",
        cell: "B4",
        message:
          "Table Raw (Obs!B4:E5) has no header row, so it is not read — turn on its Header Row (Table Design) and name its columns",
      },
    ]);
  });

  test("the header-less table's warning reaches the evaluation's issues", () => {
    const evaluation = evaluateWorkbook(
      {
        sheets: [
          {
            name: "Obs",
            values: [["Apollo", "Calls", 45000, 1]],
            tables: [
              { name: "Raw", top: 0, left: 0, rowCount: 1, columnCount: 4, hasHeaderRow: false },
            ],
          },
        ],
      },
      { asOf: 45000 }
    );
    expect(evaluation.issues.map((i) => [i.severity, i.sheet, i.cell])).toEqual([
      ["warning", "Obs", "A1"],
    ]);
  });

  test("a sheet with neither kind of header is ignored", () => {
    expect(findTables({ sheets: [{ name: "Notes", values: [["Hello"], ["world"]] }] })).toEqual({
      targets: [],
      observations: [],
      adjustments: [],
      payCurves: [],
    });
  });

  test("a Pay curves table is recognised by Curve, Attainment and Payout", () => {
    const found = findTables({
      sheets: [
        {
          name: "Curves",
          values: [
            ["Curve", "Attainment", "Payout"],
            ["Steep", 0.8, 0.5],
          ],
        },
      ],
    });
    expect(found.payCurves?.map((t) => [t.sheet, t.view.rangeAddress])).toEqual([
      ["Curves", "A1:C2"],
    ]);
  });

  test("the KPI History sheet is output, never read as input, whatever its case", () => {
    const found = findTables({
      sheets: [
        {
          name: "kpi history",
          values: [
            ["Curve", "Attainment", "Payout"],
            ["Steep", 0.8, 0.5],
          ],
        },
      ],
    });
    expect(found.payCurves).toEqual([]);
  });
});
