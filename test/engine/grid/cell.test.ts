import { cellKind, cellText, describeCell } from "../../../src/engine/grid/cell";

describe("cells", () => {
  test("blank, number, text, boolean or error: spaces are blank, Excel's error texts are errors", () => {
    expect(
      [null, undefined, "  ", 3, "3", true, "#N/A", "#SPILL!", NaN, { error: "#REF!" }].map(
        cellKind
      )
    ).toEqual([
      "blank",
      "blank",
      "blank",
      "number",
      "text",
      "boolean",
      "error",
      "error",
      "error",
      "error",
    ]);
  });

  test("a cell described in a message says what it holds", () => {
    expect([null, true, "#N/A", { error: "#DIV/0!" }, " abc ", 7].map(describeCell)).toEqual([
      "a blank cell",
      "TRUE",
      "the error #N/A",
      "the error #DIV/0!",
      'the text "abc"',
      "7",
    ]);
  });

  test("a cell's text is trimmed; an error cell's text is its error", () => {
    expect([null, " Apollo ", 12.5, false, { error: "#NAME?" }].map(cellText)).toEqual([
      "",
      "Apollo",
      "12.5",
      "false",
      "#NAME?",
    ]);
  });
});
