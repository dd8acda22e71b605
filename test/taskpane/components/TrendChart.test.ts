import { createElement } from "react";
import type { Trend } from "../../../src/engine";
import { describeTrend, TrendChart } from "../../../src/taskpane/components/TrendChart";
import { day } from "../../support/workbooks";
import { markup, textOf } from "../../support/markup";

/** Sales in January (baseline) and February 2024 (evaluation), read on 20 Feb: still open. */
const open: Trend = {
  kpi: "Sales",
  points: [
    { day: day("2024-01-10"), value: 100 },
    { day: day("2024-01-20"), value: 110 },
    { day: day("2024-02-10"), value: 130 },
  ],
  cumulative: false,
  baseline: { from: day("2024-01-01"), to: day("2024-02-01") },
  evaluation: { from: day("2024-02-01"), to: day("2024-03-01") },
  baselineLevel: 105,
  targetLevel: 126,
  asOf: day("2024-02-20"),
  projected: { day: day("2024-02-29"), value: 131.5 },
};

describe("the trend picture and its words", () => {
  test("the description names the observations, B, T, the windows, the as-of date and the projection", () => {
    expect(describeTrend(open)).toBe(
      "Sales: 3 observations from 10 Jan 2024 to 10 Feb 2024; baseline 105.0 in 1 Jan–31 Jan 2024; " +
        "target 126.0 in 1 Feb–29 Feb 2024; as of 20 Feb 2024. Projected 131.5 by 29 Feb 2024."
    );
  });

  test("a fixed baseline, a running total and missing levels are said as such", () => {
    const fixed: Trend = {
      ...open,
      points: [{ day: day("2024-02-10"), value: 30 }],
      cumulative: true,
      baseline: undefined,
      baselineLevel: 50,
      targetLevel: null,
      projected: undefined,
    };
    expect(describeTrend(fixed)).toBe(
      "Sales: 1 observation from 10 Feb 2024 to 10 Feb 2024 (running total in each window); " +
        "fixed baseline 50.0; no target level in 1 Feb–29 Feb 2024; as of 20 Feb 2024."
    );
    expect(describeTrend({ ...fixed, points: [], baselineLevel: null })).toBe(
      "Sales: no observations in its windows (running total in each window); no baseline; " +
        "no target level in 1 Feb–29 Feb 2024; as of 20 Feb 2024."
    );
  });

  test("the picture: the description as its title, axes from the lowest to the highest value and first to last day, a key", () => {
    const html = markup(createElement(TrendChart, { trend: open }));
    expect(html).toContain(`<title id="`);
    // Axis labels: 131.5 (the projection, highest) over 100.0; 1 Jan (baseline start) to 29 Feb.
    expect(textOf(html)).toBe(
      `${describeTrend(open)} 131.5 100.0 1 Jan 2024 29 Feb 2024 ` +
        "Shaded: baseline window (grey), evaluation window (blue). " +
        "Dashed: baseline level (grey), target level (green)."
    );
  });

  test("an as-of date after the windows is said in the key, as it cannot be drawn", () => {
    const closed = { ...open, asOf: day("2024-04-01"), projected: undefined };
    expect(textOf(markup(createElement(TrendChart, { trend: closed })))).toContain(
      "As of 1 Apr 2024, after the windows shown. Shaded:"
    );
  });
});
