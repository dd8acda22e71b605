import { type CellValue, evaluateWorkbook } from "../../../src/engine";
import { day, sheet } from "../../support/workbooks";

const targets = sheet(
  "Targets",
  ["Project", "KPI", "Start", "Window", "Target"],
  [["P", "Calls", day("2024-01-03"), "2 days", 0.5]]
);

function issuesFor(rows: CellValue[][]) {
  return evaluateWorkbook(
    { sheets: [targets, sheet("Obs", ["Project", "KPI", "Date", "Value"], rows)] },
    { asOf: day("2024-12-31") }
  );
}

describe("observation cells", () => {
  test("ISO text dates are read; other date texts are skipped and reported with their address", () => {
    const evaluation = issuesFor([
      ["P", "Calls", "2024-01-01", 10],
      ["P", "Calls", "03/01/2024", 99],
      ["P", "Calls", day("2024-01-03"), 20],
    ]);
    expect(evaluation.results[0]).toMatchObject({ baseline: 10, actual: 20, status: "Met" });
    expect(evaluation.issues).toEqual([
      {
        severity: "error",
        sheet: "Obs",
        cell: "C3",
        message:
          'Date holds the text "03/01/2024", which is not a date; enter a date or the text YYYY-MM-DD (texts like 03/04/2024 are ambiguous and not guessed); the row is skipped',
      },
    ]);
  });

  test("text, errors and booleans in value cells are skipped and reported; blanks are skipped silently", () => {
    const evaluation = issuesFor([
      ["P", "Calls", day("2024-01-01"), 10],
      ["P", "Calls", day("2024-01-02"), "n/a"],
      ["P", "Calls", day("2024-01-02"), "#N/A"],
      ["P", "Calls", day("2024-01-02"), { error: "#DIV/0!" }],
      ["P", "Calls", day("2024-01-02"), true],
      ["P", "Calls", day("2024-01-02"), null],
      ["P", "Calls", day("2024-01-03"), 20],
    ]);
    expect(evaluation.results[0].baseline).toBe(10);
    expect(evaluation.issues.map((i) => [i.cell, i.message])).toEqual([
      [
        "D3",
        'Calls value holds the text "n/a", not a number; it is skipped — enter a number or clear the cell',
      ],
      [
        "D4",
        "Calls value holds the error #N/A, not a number; it is skipped — enter a number or clear the cell",
      ],
      [
        "D5",
        "Calls value holds the error #DIV/0!, not a number; it is skipped — enter a number or clear the cell",
      ],
      [
        "D6",
        "Calls value holds TRUE, not a number; it is skipped — enter a number or clear the cell",
      ],
    ]);
  });

  test("a duplicate observation for the same Project/KPI/date is a warning and both are kept", () => {
    const evaluation = issuesFor([
      ["P", "Calls", day("2024-01-01"), 10],
      ["P", "Calls", day("2024-01-01"), 14],
      ["P", "Calls", day("2024-01-03"), 20],
    ]);
    expect(evaluation.results[0].baseline).toBe(12);
    expect(evaluation.issues).toEqual([
      {
        severity: "warning",
        sheet: "Obs",
        cell: "D3",
        message:
          "Duplicate observation: P / Calls already has a value for this date (Obs!D2); both are kept — delete one if it was entered twice",
      },
    ]);
  });

  test("a duplicate names the Value cells of both observations, across tables and in a wide table's own column", () => {
    const evaluation = evaluateWorkbook(
      {
        sheets: [
          targets,
          sheet(
            "Obs",
            ["Project", "KPI", "Date", "Value"],
            [["P", "Calls", day("2024-01-01"), 10]]
          ),
          sheet(
            "P",
            ["Date", "Calls", "Visits"],
            [
              [day("2024-01-02"), 5, 7],
              [day("2024-01-01"), 14, null],
              [day("2024-01-04"), null, 1],
              [day("2024-01-04"), null, 2],
            ]
          ),
        ],
      },
      { asOf: day("2024-12-31") }
    );
    expect(evaluation.issues.map((i) => [i.sheet, i.cell, i.message])).toEqual([
      [
        "P",
        "B3",
        "Duplicate observation: P / Calls already has a value for this date (Obs!D2); both are kept — delete one if it was entered twice",
      ],
      [
        "P",
        "C5",
        "Duplicate observation: P / Visits already has a value for this date (P!C4); both are kept — delete one if it was entered twice",
      ],
    ]);
    // Both of 1 Jan's observations are kept: the baseline window (1–2 Jan) averages 10, 14 and 5.
    expect(evaluation.results[0].baseline).toBeCloseTo(29 / 3, 12);
  });

  test("a time of day places an observation in the window holding its instant", () => {
    const evaluation = issuesFor([
      ["P", "Calls", day("2024-01-02") + 0.99, 10],
      ["P", "Calls", day("2024-01-03") + 0.01, 20],
    ]);
    expect(evaluation.results[0]).toMatchObject({ baseline: 10, actual: 20 });
  });

  test("project and KPI names match ignoring case and repeated spaces", () => {
    const evaluation = issuesFor([
      ["p", "  calls ", day("2024-01-02"), 10],
      ["P", "CALLS", day("2024-01-03"), 20],
    ]);
    expect(evaluation.results[0]).toMatchObject({ baseline: 10, actual: 20, status: "Met" });
  });

  test("a blank project in a long table skips the row with an issue", () => {
    const evaluation = issuesFor([[null, "Calls", day("2024-01-02"), 10]]);
    expect(evaluation.issues[0]).toEqual({
      severity: "error",
      sheet: "Obs",
      cell: "A2",
      message: "Project is blank; the observation is skipped — fill in the name",
    });
  });
});
