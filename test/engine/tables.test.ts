import { findTables, headerKey } from "../../src/engine";
import { day } from "../support/workbooks";

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

  test("a sheet with neither kind of header is ignored", () => {
    expect(findTables({ sheets: [{ name: "Notes", values: [["Hello"], ["world"]] }] })).toEqual({
      targets: [],
      observations: [],
    });
  });
});
