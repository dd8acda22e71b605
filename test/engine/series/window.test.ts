import { formatIsoDate } from "../../../src/engine/grid/date";
import {
  lastDay,
  parseSpan,
  windowAfter,
  windowBefore,
  windowDays,
} from "../../../src/engine/series/window";
import { day } from "../../support/workbooks";

function span(text: unknown) {
  const parsed = parseSpan(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe("window texts", () => {
  test.each([
    ["30 days", 30, "day"],
    ["2 weeks", 14, "day"],
    ["1 month", 1, "month"],
    ["3 months", 3, "month"],
    ["1 quarter", 3, "month"],
    ["1 year", 12, "month"],
    ["90d", 90, "day"],
    ["6m", 6, "month"],
    ["2 mo", 2, "month"],
    ["3W", 21, "day"],
    ["2q", 6, "month"],
    ["1 Y", 12, "month"],
    ["45", 45, "day"],
    [45, 45, "day"],
  ])("%p is %p %s(s)", (text, count, unit) => {
    expect(span(text)).toMatchObject({ count, unit, negative: false });
  });

  test("a leading minus sign is read and kept apart", () => {
    expect(span("-90 days")).toMatchObject({ count: 90, unit: "day", negative: true });
    expect(span("−3 months")).toMatchObject({ count: 3, unit: "month", negative: true });
  });

  test("an unreadable window quotes the text and shows an example", () => {
    expect(parseSpan("three months")).toEqual({
      ok: false,
      message:
        '"three months" is not readable; write it like "30 days", "2 weeks", "3 months", "1 quarter" or "1 year"',
    });
    expect(parseSpan("0 days").ok).toBe(false);
    expect(parseSpan("5 fortnights").ok).toBe(false);
    expect(parseSpan(1.5).ok).toBe(false);
  });
});

describe("evaluation and baseline windows", () => {
  test("a 1-month window from 31 Jan runs up to 29 Feb (EDATE) in a leap year, so 28 Feb is its last day", () => {
    const window = windowAfter(day("2024-01-31"), span("1 month"));
    expect(formatIsoDate(window.to)).toBe("2024-02-29");
    expect(formatIsoDate(lastDay(window))).toBe("2024-02-28");
  });

  test("the default baseline of a 1-month window from 31 March starts on 29 February and holds 31 days against 30", () => {
    const start = day("2024-03-31");
    const evaluation = windowAfter(start, span("1 month"));
    const baseline = windowBefore(start, span("1 month"));
    expect(formatIsoDate(baseline.from)).toBe("2024-02-29");
    expect(baseline.to).toBe(start);
    expect(windowDays(baseline)).toBe(31);
    expect(windowDays(evaluation)).toBe(30);
  });

  test("a day window is S <= date < S + n", () => {
    const window = windowAfter(day("2024-02-01"), span("30 days"));
    expect(window).toEqual({ from: day("2024-02-01"), to: day("2024-03-02") });
    expect(formatIsoDate(lastDay(window))).toBe("2024-03-01");
  });
});
