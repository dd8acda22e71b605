import {
  cellAddress,
  columnName,
  parseCellAddress,
  parseRangeAddress,
  rangeAddress,
} from "../../../src/engine/grid/address";

describe("A1 addresses", () => {
  test("columns are letters from A: 25 is Z, 26 AA, 701 ZZ, 702 AAA", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnName)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(cellAddress(6, 1)).toBe("B7");
  });

  test("a range of one cell is that cell; larger ones run from corner to corner", () => {
    expect(rangeAddress(0, 0, 1, 1)).toBe("A1");
    expect(rangeAddress(1, 2, 10, 4)).toBe("C2:F11");
  });

  test("cells parse with or without $; anything else is not an address", () => {
    expect(parseCellAddress("$B$7")).toEqual({ row: 6, column: 1 });
    expect(parseCellAddress(" xfd1048576 ")).toEqual({ row: 1048575, column: 16383 });
    expect(parseCellAddress("B")).toBeUndefined();
    expect(parseCellAddress("Sheet1!B7")).toBeUndefined();
  });

  test("ranges keep their sheet unquoted, and corners in either order", () => {
    expect(parseRangeAddress("'Bob''s sheet'!D20:A1")).toEqual({
      sheet: "Bob's sheet",
      range: { row: 0, column: 0, rowCount: 20, columnCount: 4 },
    });
    expect(parseRangeAddress("B2")).toEqual({
      sheet: undefined,
      range: { row: 1, column: 1, rowCount: 1, columnCount: 1 },
    });
    expect(parseRangeAddress("A1:nope")).toBeUndefined();
  });
});
