import {
  adjustmentColumn,
  headerKey,
  isHeaderRow,
  nameKey,
  observationColumn,
  payCurveColumn,
  targetColumn,
} from "../../../src/engine/grid/header";

describe("headers and names", () => {
  test("a header row is the header when it names the same columns in order, spacing and case aside", () => {
    expect(isHeaderRow([" run ", "PROJECT"], ["Run", "Project"])).toBe(true);
    expect(isHeaderRow(["Run", "Projects"], ["Run", "Project"])).toBe(false);
    expect(isHeaderRow(["Run"], ["Run", "Project"])).toBe(false);
    expect(isHeaderRow(undefined, ["Run"])).toBe(false);
  });

  test("a header key ignores case, spaces (pasted non-breaking and zero-width ones too), _ and -", () => {
    expect(headerKey("Target\u00a0Type")).toBe("targettype");
    expect(headerKey("min_points")).toBe("minpoints");
    expect(headerKey("Go-\u200bLive")).toBe("golive");
  });

  test("each table's columns by their accepted spellings", () => {
    expect(["Go live", "Pay Curve", "Min points", "Notes"].map(targetColumn)).toEqual([
      "start",
      "payCurve",
      "minPoints",
      undefined,
    ]);
    expect(["DATE", "Value", "Amount"].map(observationColumn)).toEqual([
      "date",
      "value",
      undefined,
    ]);
    expect(adjustmentColumn("Approved by")).toBe("approvedBy");
    expect(payCurveColumn("Payout")).toBe("payout");
  });

  test("project and KPI names match ignoring case and repeated spaces", () => {
    expect(nameKey("  Support   Calls ")).toBe("support calls");
    expect(nameKey("Support calls")).toBe(nameKey("SUPPORT CALLS"));
  });
});
