import fc from "fast-check";
import {
  checkPayCurve,
  curveCap,
  curvePayout,
  type PayCurve,
} from "../../../src/engine/rules/pay-curve";
import { proportionalPay } from "../../../src/engine/rules/payout";

function curve(name: string, points: [number, number][]): PayCurve {
  const checked = checkPayCurve(
    name,
    points.map(([attainment, payout]) => ({ attainment, payout }))
  );
  if (!checked.ok) throw new Error(checked.message);
  return checked.value;
}

describe("pay curve", () => {
  const accelerated = curve("Accelerated", [
    [0.8, 0.5],
    [1, 1],
    [1.5, 2],
  ]);

  test("below the first point a curve pays nothing", () => {
    expect(curvePayout(accelerated, 0.79)).toBe(0);
    expect(curvePayout(accelerated, -0.5)).toBe(0);
  });

  test("on a point a curve pays that point's payout", () => {
    expect(curvePayout(accelerated, 0.8)).toBe(0.5);
    expect(curvePayout(accelerated, 1)).toBe(1);
  });

  test("between points the payout is linear in attainment", () => {
    // 0.5 + (0.9 − 0.8) × (1 − 0.5) / (1 − 0.8) = 0.75
    expect(curvePayout(accelerated, 0.9)).toBeCloseTo(0.75, 12);
    // 1 + (1.25 − 1) × (2 − 1) / (1.5 − 1) = 1.5
    expect(curvePayout(accelerated, 1.25)).toBeCloseTo(1.5, 12);
  });

  test("above the last point the payout stays at the last point's", () => {
    expect(curvePayout(accelerated, 1.5)).toBe(2);
    expect(curvePayout(accelerated, 3)).toBe(2);
  });

  test("points may be listed in any order: the curve sorts them by attainment", () => {
    const shuffled = curve("Shuffled", [
      [1.5, 2],
      [0.8, 0.5],
      [1, 1],
    ]);
    expect(shuffled.points.map((p) => p.attainment)).toEqual([0.8, 1, 1.5]);
    expect(curvePayout(shuffled, 0.9)).toBeCloseTo(0.75, 12);
  });

  test("the Score caps attainment at the curve's last point", () => {
    expect(curveCap(accelerated)).toBe(1.5);
  });

  test("a curve with fewer than two points is refused, naming the curve", () => {
    const one = checkPayCurve("Flat", [{ attainment: 1, payout: 1 }]);
    expect(one).toEqual({
      ok: false,
      message:
        'pay curve "Flat" has 1 point; give it at least two rows (Attainment, Payout) in the Pay curves table',
    });
    expect(checkPayCurve("Empty", [])).toMatchObject({
      ok: false,
      message: expect.stringContaining('pay curve "Empty" has 0 points'),
    });
  });

  test("two points at the same attainment are refused", () => {
    const twice = checkPayCurve("Twice", [
      { attainment: 1, payout: 1 },
      { attainment: 1, payout: 1.2 },
    ]);
    expect(twice).toEqual({
      ok: false,
      message: 'pay curve "Twice" has two points at attainment 100%; keep one',
    });
  });

  test("a payout that falls as attainment rises is refused", () => {
    const falling = checkPayCurve("Falling", [
      { attainment: 1, payout: 1 },
      { attainment: 1.2, payout: 0.8 },
    ]);
    expect(falling).toEqual({
      ok: false,
      message:
        'pay curve "Falling" pays 80% at attainment 120%, less than 100% at 100%; a payout must not fall as attainment rises',
    });
  });

  test("a curve drawn from a Threshold and a Cap pays exactly their proportional payout", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        (threshold, extra, attainment, reward) => {
          const cap = threshold + extra;
          const drawn = curve("Proportional", [
            [threshold, threshold],
            [cap, cap],
          ]);
          expect(reward * curvePayout(drawn, attainment)).toBe(
            proportionalPay(attainment, { reward, threshold, cap })
          );
        }
      )
    );
  });
});
