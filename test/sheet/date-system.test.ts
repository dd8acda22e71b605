import type { ResultsSheet } from "../../src/sheet";
import { inDateSystem, rowInDateSystem, workbookSerial } from "../../src/sheet/date-system";

describe("dates in the workbook's own date system, for every writer", () => {
  test("an engine serial becomes the workbook's: 1 Feb 2024 is 45323, or 43861 from 1904", () => {
    expect(workbookSerial(45323, false)).toBe(45323);
    expect(workbookSerial(45323, true)).toBe(43861);
  });

  test("only the date and date-time columns of a row move; numbers, text and blanks stay", () => {
    expect(
      rowInDateSystem(
        [45323, 45323.5, 45323, "45323", null],
        ["date", "datetime", "number", "text", "date"],
        false,
        true
      )
    ).toEqual([43861, 43861.5, 45323, "45323", null]);
    expect(rowInDateSystem([43861], ["date"], true, false)).toEqual([45323]);
  });

  const sheet: ResultsSheet = {
    name: "KPI Rewards",
    title: "KPI Rewards",
    summary: "",
    lines: [{ row: 3, values: ["As of", 45565], formats: ["text", "date"], emphasis: "label" }],
    tables: [
      {
        top: 5,
        table: {
          name: "KpiResults",
          header: ["Start", "Actual"],
          formats: ["date", "number"],
          rows: [[45323, 319.7]],
          highlights: [],
        },
      },
    ],
    columns: [],
    frozenRows: 2,
    print: { title: "", orientation: "landscape", pagesWide: 1, repeatRows: [0, 1] },
    date1904: false,
  };

  test("a sheet moves its summary lines and table rows, and says which system it is in", () => {
    const moved = inDateSystem(sheet, true);
    expect(moved.date1904).toBe(true);
    expect(moved.lines[0].values).toEqual(["As of", 44103]);
    expect(moved.tables[0].table.rows).toEqual([[43861, 319.7]]);
    expect(moved.tables[0].table.header).toEqual(["Start", "Actual"]);
  });

  test("a sheet already in the workbook's system is given back as it is, never moved twice", () => {
    expect(inDateSystem(sheet, false)).toBe(sheet);
    const moved = inDateSystem(sheet, true);
    expect(inDateSystem(moved, true)).toBe(moved);
    expect(inDateSystem(moved, false).tables[0].table.rows).toEqual([[45323, 319.7]]);
  });
});
