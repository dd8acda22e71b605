import {
  HIGHLIGHT_LABELS,
  sheetColours,
  STATUS_TONES,
  TONE_COLOURS,
} from "../../src/sheet/status-tones";

describe("status tones: one table for the sheet's highlighting and the pane's badges and bars", () => {
  test("green met, red missed, amber pending or at risk, grey still to review (SPEC §5)", () => {
    expect(STATUS_TONES).toEqual({
      Met: "good",
      Yes: "good",
      "On track": "good",
      Missed: "bad",
      No: "bad",
      Pending: "caution",
      "At risk": "caution",
      "Insufficient data": "neutral",
      Invalid: "neutral",
      Review: "neutral",
    });
  });

  test("a label's sheet colours are its tone's: Excel's good, bad and neutral cell styles", () => {
    expect(sheetColours("Met")).toEqual({ fill: "#C6EFCE", font: "#006100" });
    expect(sheetColours("No")).toEqual({ fill: "#FFC7CE", font: "#9C0006" });
    expect(sheetColours("At risk")).toEqual({ fill: "#FFEB9C", font: "#9C5700" });
    expect(sheetColours("Review")).toBe(TONE_COLOURS.neutral);
  });

  test("each coloured column lists the labels it can hold", () => {
    expect(HIGHLIGHT_LABELS.status).toEqual([
      "Met",
      "Missed",
      "Pending",
      "Insufficient data",
      "Invalid",
    ]);
    expect(HIGHLIGHT_LABELS.eligible).toEqual(["Yes", "No", "Pending", "Review"]);
    expect(HIGHLIGHT_LABELS.pace).toEqual(["On track", "At risk"]);
  });
});
