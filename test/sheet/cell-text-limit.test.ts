import { cutToCellLimit, overlongTextIssues, type ResultsSheet } from "../../src/sheet";
import { CELL_TEXT_LIMIT } from "../../src/sheet/cell-text-limit";

describe("Excel's 32,767-character cell limit", () => {
  test("text within the limit is left alone; longer text is cut to exactly 32,767", () => {
    expect(CELL_TEXT_LIMIT).toBe(32767);
    const fits = "a".repeat(32767);
    expect(cutToCellLimit(fits)).toBe(fits);
    expect(cutToCellLimit("b".repeat(40000))).toBe("b".repeat(32767));
  });

  test("a cut never splits a surrogate pair: the emoji goes whole", () => {
    const text = `${"a".repeat(32766)}😀tail`;
    expect(cutToCellLimit(text)).toBe("a".repeat(32766));
  });

  test("every overlong text on the results sheet gives one warning naming its cell", () => {
    const summary = "s".repeat(32768);
    const sheet: ResultsSheet = {
      name: "KPI Rewards",
      title: "KPI Rewards",
      summary,
      lines: [
        { row: 0, values: ["KPI Rewards"], formats: ["text"], emphasis: "title" },
        { row: 1, values: [summary], formats: ["text"], emphasis: "plain" },
      ],
      columns: [],
      frozenRows: 2,
      print: { title: "KPI Rewards", orientation: "landscape", pagesWide: 1, repeatRows: [0, 1] },
      date1904: false,
      tables: [
        {
          top: 3,
          table: {
            name: "KpiIssues",
            header: ["Severity", "Sheet", "Cell", "Message"],
            formats: ["text", "text", "text", "text"],
            rows: [
              ["error", "Targets", "A2", "fine"],
              ["error", "Targets", "A3", "m".repeat(50000)],
            ],
            highlights: [],
          },
        },
      ],
    };
    expect(overlongTextIssues(sheet, "KPI Rewards")).toEqual([
      {
        severity: "warning",
        sheet: "KPI Rewards",
        cell: "A2",
        message:
          "Text of 32,768 characters is more than a cell holds; only its first 32,767 characters were written here.",
      },
      {
        severity: "warning",
        sheet: "KPI Rewards",
        cell: "D6",
        message:
          "Text of 50,000 characters is more than a cell holds; only its first 32,767 characters were written here.",
      },
    ]);
  });
});
