import { createElement } from "react";
import { PaceBadge, StatusBadge } from "../../../src/taskpane/components/StatusBadge";
import { attributeOf, markup, textOf } from "../../support/markup";

const status = (label: Parameters<typeof StatusBadge>[0]["label"]) =>
  markup(createElement(StatusBadge, { label }));
const classes = (html: string) => attributeOf(html, "class");

describe("status and pace badges, coloured as the results sheet colours their cells", () => {
  test("a badge shows its label whole and names it for tests and styles", () => {
    const html = status("Insufficient data");
    expect(textOf(html)).toBe("Insufficient data");
    expect(attributeOf(html, "data-status")).toBe("Insufficient data");
  });

  test("labels of one tone look alike: Met and Yes green, Missed and No red, Pending amber", () => {
    expect(classes(status("Met"))).toBe(classes(status("Yes")));
    expect(classes(status("Missed"))).toBe(classes(status("No")));
    expect(classes(status("Invalid"))).toBe(classes(status("Review")));
    const tones = new Set(
      [status("Met"), status("Missed"), status("Pending"), status("Review")].map(classes)
    );
    expect(tones.size).toBe(4);
  });

  test("a pace badge is outlined beside the status, green on track and amber at risk", () => {
    const onTrack = markup(createElement(PaceBadge, { pace: "On track" }));
    const atRisk = markup(createElement(PaceBadge, { pace: "At risk" }));
    expect(textOf(onTrack)).toBe("On track");
    expect(attributeOf(atRisk, "data-pace")).toBe("At risk");
    expect(classes(onTrack)).not.toBe(classes(atRisk));
    expect(classes(onTrack)).not.toBe(classes(status("Met")));
  });
});
