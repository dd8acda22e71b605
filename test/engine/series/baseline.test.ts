import { parseBaseline } from "../../../src/engine/series/baseline";
import { formatIsoDate } from "../../../src/engine/grid/date";
import { day } from "../../support/workbooks";

const start = day("2024-03-31");
const evaluation = { from: start, to: day("2024-04-30") };
const byDefault = { from: day("2024-02-29"), to: start };

describe("Baseline cells", () => {
  test("blank means the default window, in either way Excel passes a blank", () => {
    expect(parseBaseline(null, start, evaluation, byDefault)).toEqual({
      ok: true,
      value: { kind: "window", window: byDefault },
    });
    expect(parseBaseline("  ", start, evaluation, byDefault)).toEqual({
      ok: true,
      value: { kind: "window", window: byDefault },
    });
  });

  test("a number is a fixed baseline", () => {
    expect(parseBaseline(412, start, evaluation, byDefault)).toEqual({
      ok: true,
      value: { kind: "fixed", value: 412 },
    });
  });

  test("prior year shifts both ends back 12 months with EDATE", () => {
    const parsed = parseBaseline("Prior Year", start, evaluation, byDefault);
    if (!parsed.ok || parsed.value.kind !== "window") throw new Error("expected a window");
    expect([
      formatIsoDate(parsed.value.window.from),
      formatIsoDate(parsed.value.window.to),
    ]).toEqual(["2023-03-31", "2023-04-30"]);
  });

  test("a window text is that span right before Start, with or without a minus sign", () => {
    const expected = {
      ok: true,
      value: { kind: "window", window: { from: start - 90, to: start } },
    };
    expect(parseBaseline("90 days", start, evaluation, byDefault)).toEqual(expected);
    expect(parseBaseline("-90d", start, evaluation, byDefault)).toEqual(expected);
  });

  test("anything else says what to enter", () => {
    expect(parseBaseline("last year", start, evaluation, byDefault)).toEqual({
      ok: false,
      message:
        'holds the text "last year"; enter a number, a window before Start like "90 days", or "prior year"',
    });
    expect(parseBaseline(true, start, evaluation, byDefault).ok).toBe(false);
  });
});
