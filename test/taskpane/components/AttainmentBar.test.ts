import { createElement } from "react";
import { AttainmentBar } from "../../../src/taskpane/components/AttainmentBar";
import { attributeOf, markup, textOf } from "../../support/markup";

const bar = (attainment: number, status: "Met" | "Missed" | "Pending") =>
  markup(createElement(AttainmentBar, { attainment, status }));

describe("the attainment bar: a 0–150% track with a mark at 100%", () => {
  test("112% fills 112/150 of the track; the mark sits at two thirds; the value is written beside", () => {
    const html = bar(1.12, "Met");
    expect(html).toContain("width:74.66666666666667%");
    expect(html).toContain("left:calc(66.66666666666666% - 1px)");
    expect(textOf(html)).toBe("112%");
  });

  test("a meter for assistive technology: 0 to 150, the value, and the status in words", () => {
    const html = bar(1.12, "Met");
    expect(attributeOf(html, "role")).toBe("meter");
    expect(attributeOf(html, "aria-label")).toBe("Attainment");
    expect(attributeOf(html, "aria-valuemin")).toBe("0");
    expect(attributeOf(html, "aria-valuemax")).toBe("150");
    expect(attributeOf(html, "aria-valuenow")).toBe("112");
    expect(attributeOf(html, "aria-valuetext")).toBe("112% (Met)");
  });

  test("coloured by the status's tone, as its cell on the results sheet: green, red, amber", () => {
    expect(bar(1.12, "Met")).toContain("background-color:var(--colorPaletteGreenBackground3)");
    expect(bar(0.63, "Missed")).toContain("background-color:var(--colorPaletteRedBackground3)");
    expect(bar(0.5, "Pending")).toContain(
      "background-color:var(--colorPaletteMarigoldBackground3)"
    );
  });

  test("the fill stays on the track: above 150% it is full, below 0 it is empty", () => {
    expect(bar(2, "Met")).toContain("width:100%");
    const negative = bar(-0.3, "Missed");
    expect(negative).toContain("width:0%");
    expect(attributeOf(negative, "aria-valuetext")).toBe("−30% (Missed)");
  });
});
