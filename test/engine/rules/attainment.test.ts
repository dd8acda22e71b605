import { attainment, change, goal, isMet } from "../../../src/engine/rules/attainment";

describe("goal, change, attainment and met", () => {
  test("% targets: T = B × (1 + t), direction from the sign", () => {
    expect(goal("%", -0.2, 412, undefined)).toEqual({
      ok: true,
      value: { value: 329.6, direction: "decrease" },
    });
    expect(goal("%", 0.3, 100, undefined)).toEqual({
      ok: true,
      value: { value: 130, direction: "increase" },
    });
  });

  test("a negative or zero baseline makes a % target Invalid", () => {
    expect(goal("%", 0.1, -5, undefined)).toEqual({
      ok: false,
      message:
        "the baseline is -5; a percent change of a zero or negative baseline is undefined — use Target type change (an amount) or value (a level) instead",
    });
  });

  test("value targets take the Direction given, else the side of the baseline", () => {
    expect(goal("value", 5, 9.6, "decrease")).toEqual({
      ok: true,
      value: { value: 5, direction: "decrease" },
    });
    expect(goal("value", 120, 100, undefined)).toEqual({
      ok: true,
      value: { value: 120, direction: "increase" },
    });
  });

  test("change is (A − B) / |B|, undefined for B = 0", () => {
    expect(change(90, -100)).toBeCloseTo(1.9, 12);
    expect(change(5, 0)).toBeNull();
  });

  test("attainment is the share of the promised movement; negative when it moved the wrong way", () => {
    expect(attainment(115, 100, { value: 130, direction: "increase" }, "%")).toBeCloseTo(0.5, 12);
    expect(attainment(90, 100, { value: 130, direction: "increase" }, "%")).toBeCloseTo(-1 / 3, 12);
  });

  test("met within 1e-9 of T, on the target's side", () => {
    expect(isMet(130 * (1 - 5e-10), { value: 130, direction: "increase" })).toBe(true);
    expect(isMet(130 * (1 - 2e-9), { value: 130, direction: "increase" })).toBe(false);
    expect(isMet(329.6 * (1 + 5e-10), { value: 329.6, direction: "decrease" })).toBe(true);
  });
});
