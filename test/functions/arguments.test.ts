import { todaySerial } from "../../src/engine";
import {
  ArgumentProblem,
  asOfArgument,
  cellArgument,
  dayArgument,
  gridArgument,
  isBlank,
  numberArgument,
  optionalFraction,
  rejectErrors,
  seriesArgument,
} from "../../src/functions/arguments";
import { errorCellValue, runtimeError, wireError } from "../support/excel-errors";
import { day } from "../support/workbooks";

function problem(call: () => unknown): ArgumentProblem {
  try {
    call();
  } catch (error) {
    if (error instanceof ArgumentProblem) return error;
    throw error;
  }
  throw new Error("the argument was accepted");
}

describe("cellArgument: an error cell in every form Excel passes it becomes the engine's error cell", () => {
  test("the runtime's CustomFunctions.Error, Excel's wire form and the data-types form", () => {
    expect(cellArgument(runtimeError("#N/A"))).toEqual({ error: "#N/A" });
    expect(cellArgument(wireError("#DIV/0!"))).toEqual({ error: "#DIV/0!" });
    expect(cellArgument(errorCellValue("#REF!", "Ref"))).toEqual({ error: "#REF!" });
  });
  test("plain values pass through unchanged; another rich value counts as its basic value", () => {
    expect(cellArgument(12.5)).toBe(12.5);
    expect(cellArgument("-20%")).toBe("-20%");
    expect(cellArgument(null)).toBeNull();
    expect(cellArgument(true)).toBe(true);
    expect(cellArgument({ type: "Double", basicValue: 3, numberFormat: "0.0" })).toBe(3);
  });
});

describe("gridArgument", () => {
  test("a range without objects is used as it is, not copied", () => {
    const range = [
      ["Date", "Value"],
      [45292, 10],
    ];
    expect(gridArgument(range)).toBe(range);
  });
  test("error cells anywhere in the range become { error }; rows without one are not copied", () => {
    const range = [
      ["Date", "Value"],
      [45292, runtimeError("#N/A")],
    ];
    const grid = gridArgument(range);
    expect(grid[0]).toBe(range[0]);
    expect(grid).toEqual([
      ["Date", "Value"],
      [45292, { error: "#N/A" }],
    ]);
  });
});

describe("rejectErrors: a single-value argument holding an error", () => {
  test("#N/A answers #N/A naming the argument", () => {
    const found = problem(() => rejectErrors({ start: runtimeError("#N/A") }));
    expect(found).toEqual({
      code: "#N/A",
      message: "start holds the error #N/A; correct the cell it comes from",
    });
  });
  test("any other error answers #VALUE! naming the argument and the error", () => {
    expect(
      problem(() => rejectErrors({ window: "1 month", target: runtimeError("#REF!") }))
    ).toEqual({
      code: "#VALUE!",
      message: "target holds the error #REF!; correct the cell it comes from",
    });
  });
  test("values, blanks and text that merely looks like an error code's name pass", () => {
    expect(() => rejectErrors({ a: 1, b: null, c: "", d: "N/A" })).not.toThrow();
  });
});

describe("scalar arguments", () => {
  test("blank is null, undefined or text of spaces", () => {
    expect([null, undefined, "", "  ", 0, "x"].map(isBlank)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  test("a date is a serial (time of day dropped) or ISO text; anything else names the argument", () => {
    expect(dayArgument(45352.75, "start")).toBe(45352);
    expect(dayArgument("2024-03-01", "start")).toBe(day("2024-03-01"));
    expect(problem(() => dayArgument("03/04/2024", "start")).message).toBe(
      'start must be a date (a date cell or the text YYYY-MM-DD), not "03/04/2024"'
    );
    expect(problem(() => dayArgument(null, "start")).message).toBe(
      "start must be a date (a date cell or the text YYYY-MM-DD), not a blank"
    );
  });
  test("asOf omitted is today", () => {
    expect(asOfArgument(undefined)).toBe(todaySerial());
    expect(asOfArgument("2024-06-01")).toBe(day("2024-06-01"));
  });
  test("numbers and fractions: percent text is a fraction", () => {
    expect(numberArgument(5000, "reward")).toBe(5000);
    expect(numberArgument("", "reward", 0)).toBe(0);
    expect(problem(() => numberArgument("5k", "reward")).message).toBe(
      'reward must be a number, not "5k"'
    );
    expect(optionalFraction("80%", "threshold")).toBe(0.8);
    expect(optionalFraction(null, "threshold")).toBeUndefined();
  });
});

describe("seriesArgument: dates and values as one sorted series", () => {
  test("error cells are skipped with their pair, like blanks; the rest is sorted by date", () => {
    const series = seriesArgument(
      [[day("2024-01-03")], [day("2024-01-01")], [runtimeError("#N/A")], [day("2024-01-02")]],
      [[30], [10], [99], [runtimeError("#DIV/0!")]]
    );
    expect(Array.from(series.dates)).toEqual([day("2024-01-01"), day("2024-01-03")]);
    expect(Array.from(series.values)).toEqual([10, 30]);
  });
  test("text among the values is #VALUE! naming the cell", () => {
    expect(problem(() => seriesArgument([[day("2024-01-01")]], [["n/a"]])).message).toBe(
      'values: cell 1 holds "n/a", not a number'
    );
  });
  test("ranges of two columns or of different sizes are #VALUE!", () => {
    expect(
      problem(() =>
        seriesArgument(
          [
            [1, 2],
            [3, 4],
          ],
          [[1], [2]]
        )
      ).message
    ).toBe("dates must be one column or one row, not 2 rows by 2 columns");
    expect(problem(() => seriesArgument([[1], [2]], [[1]])).message).toBe(
      "dates and values must be the same size; dates has 2 cells and values 1"
    );
  });
});
