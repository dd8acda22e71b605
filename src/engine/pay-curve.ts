import type { Parsed } from "./window";
import { formatWholePercent } from "./explanation";

/** One point of a pay curve: at this attainment, this fraction of the Reward is paid. */
export interface PayCurvePoint {
  readonly attainment: number;
  readonly payout: number;
}

/** A named pay curve (SPEC §12): points in rising attainment, payouts never falling. */
export interface PayCurve {
  readonly name: string;
  readonly points: readonly PayCurvePoint[];
}

/**
 * Checks the points a Pay curves table gives one curve and returns them in rising attainment. A curve
 * needs two points; two points at one attainment, or a payout that falls as attainment rises, would pay
 * ambiguously or punish over-achievement, so they make the curve unusable.
 */
export function checkPayCurve(name: string, points: readonly PayCurvePoint[]): Parsed<PayCurve> {
  if (points.length < 2) {
    return {
      ok: false,
      message: `pay curve "${name}" has ${points.length} point${points.length === 1 ? "" : "s"}; give it at least two rows (Attainment, Payout) in the Pay curves table`,
    };
  }
  const sorted = [...points].sort((a, b) => a.attainment - b.attainment);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const point = sorted[i];
    if (point.attainment === before.attainment) {
      return {
        ok: false,
        message: `pay curve "${name}" has two points at attainment ${formatWholePercent(point.attainment)}; keep one`,
      };
    }
    if (point.payout < before.payout) {
      return {
        ok: false,
        message: `pay curve "${name}" pays ${formatWholePercent(point.payout)} at attainment ${formatWholePercent(point.attainment)}, less than ${formatWholePercent(before.payout)} at ${formatWholePercent(before.attainment)}; a payout must not fall as attainment rises`,
      };
    }
  }
  return { ok: true, value: { name, points: sorted } };
}

/**
 * The fraction of the Reward a curve pays at `attainment`: 0 below the first point, linear between
 * points, the last point's payout above the last.
 */
export function curvePayout(curve: PayCurve, attainment: number): number {
  const { points } = curve;
  if (attainment < points[0].attainment) return 0;
  const last = points[points.length - 1];
  if (attainment >= last.attainment) return last.payout;
  let hi = 1;
  while (points[hi].attainment <= attainment) hi++;
  const a = points[hi - 1];
  const b = points[hi];
  // On the diagonal the curve pays the attainment itself: returned as is, so a curve drawn from a
  // Threshold and a Cap pays exactly what they pay, without interpolation's rounding.
  if (a.payout === a.attainment && b.payout === b.attainment) return attainment;
  return (
    a.payout + ((attainment - a.attainment) * (b.payout - a.payout)) / (b.attainment - a.attainment)
  );
}

/** The attainment above which a curve pays no more: what the team Score caps attainment at. */
export function curveCap(curve: PayCurve): number {
  return curve.points[curve.points.length - 1].attainment;
}
