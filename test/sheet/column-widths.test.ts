import {
  EXPLANATION_WIDTH,
  SHEET_COLUMN_WIDTHS,
  widthInPoints,
  wrappedLines,
} from "../../src/sheet/column-widths";

describe("column widths", () => {
  test("short headers get 12 characters, longer ones 16, Explanation 100 and Changed 60", () => {
    expect(SHEET_COLUMN_WIDTHS).toEqual([
      16, 12, 12, 12, 12, 16, 12, 16, 12, 16, 16, 12, 12, 12, 16, 100, 16, 16, 60,
    ]);
    expect(EXPLANATION_WIDTH).toBe(100);
  });

  test("a width in characters is 5.25 points each plus 3.75 of padding, rounded", () => {
    expect(widthInPoints(12)).toBe(67);
    expect(widthInPoints(16)).toBe(88);
    expect(widthInPoints(100)).toBe(529);
  });

  test("wrapped text breaks between words; a word longer than the width takes lines of its own", () => {
    expect(wrappedLines("aaa bbb ccc", 7)).toBe(2);
    expect(wrappedLines("aaaaaaaaaaaaaaa", 5)).toBe(3);
    expect(wrappedLines("", 10)).toBe(1);
  });
});
