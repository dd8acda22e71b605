import { cellLook, lineLook } from "../../src/sheet/line-looks";

describe("how each line of a sheet looks, for writers that style ranges and writers that style cells", () => {
  test("the title is 14-point bold across its line", () => {
    expect(lineLook("title")).toEqual({ cells: "line", look: { bold: true, size: 14 } });
    expect(cellLook("title", 3)).toEqual({ bold: true, size: 14 });
  });

  test("a label is bold in its first cell only; its value stays plain", () => {
    expect(lineLook("label")).toEqual({ cells: "first", look: { bold: true } });
    expect(cellLook("label", 0)).toEqual({ bold: true });
    expect(cellLook("label", 1)).toEqual({});
  });

  test("totals are bold, the note italic, a plain line as the workbook's default", () => {
    expect(cellLook("total", 8)).toEqual({ bold: true });
    expect(cellLook("note", 0)).toEqual({ italic: true });
    expect(lineLook("plain")).toBeUndefined();
    expect(cellLook("plain", 0)).toEqual({});
  });
});
