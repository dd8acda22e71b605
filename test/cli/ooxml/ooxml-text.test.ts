import { decodeOoxmlText } from "../../../src/cli/ooxml/ooxml-text";

describe("decodeOoxmlText: _xHHHH_ escapes as Excel shows them", () => {
  test("a carriage return, a tab and a control character are decoded", () => {
    expect(decodeOoxmlText("line_x000D_\nnext")).toBe("line\r\nnext");
    expect(decodeOoxmlText("a_x0009_b")).toBe("a\tb");
    expect(decodeOoxmlText("_x0001_")).toBe("\u0001");
  });

  test("an escaped _x stays a literal _x; hex digits of either case are read", () => {
    expect(decodeOoxmlText("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeOoxmlText("_x00e9_")).toBe("é");
  });

  test("text without an escape, or with an incomplete one, is unchanged", () => {
    const plain = "Checkout 2.0";
    expect(decodeOoxmlText(plain)).toBe(plain);
    expect(decodeOoxmlText("_x00_ and _x12345_")).toBe("_x00_ and _x12345_");
  });
});
