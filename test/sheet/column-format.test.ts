import { isDateFormat, NUMBER_FORMATS, writableValue } from "../../src/sheet/column-format";

describe("column formats", () => {
  test("each format is one Excel number format, the same in every writer", () => {
    expect(NUMBER_FORMATS).toEqual({
      text: "@",
      date: "yyyy-mm-dd",
      datetime: "yyyy-mm-dd hh:mm",
      number: "#,##0.0",
      percent: "0.0%",
      money: "#,##0.00",
      count: "0",
    });
  });

  test("dates and date-times are day serials; nothing else is", () => {
    expect(
      ["date", "datetime", "number", "text", undefined].map((f) => isDateFormat(f as never))
    ).toEqual([true, true, false, false, false]);
  });

  test("a cell is written as it is, or empty when it holds nothing a cell can", () => {
    expect(
      [12.5, "x", true, null, undefined, { error: "#N/A" }].map((v) => writableValue(v as never))
    ).toEqual([12.5, "x", true, "", "", ""]);
  });
});
