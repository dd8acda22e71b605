import { cellText } from "../grid/cell";
import type { CellReader } from "../grid/cell-reader";
import { formatWholePercent } from "./explanation";
import { nameKey } from "../grid/header";
import type { IssueLog } from "../grid/issue";
import type { PayCurvesTable } from "../grid/tables";
import type { Parsed } from "../grid/parsed";
import {
  brokenCurve,
  fallingCurve,
  tooFewCurvePoints,
  twoCurvePointsAt,
  unknownCurve,
  unnamedCurvePoint,
  unreadableCurvePoint,
} from "../messages";

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
    return { ok: false, message: tooFewCurvePoints(name, points.length) };
  }
  const sorted = [...points].sort((a, b) => a.attainment - b.attainment);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const point = sorted[i];
    if (point.attainment === before.attainment) {
      return { ok: false, message: twoCurvePointsAt(name, formatWholePercent(point.attainment)) };
    }
    if (point.payout < before.payout) {
      const shown = (p: PayCurvePoint) =>
        [formatWholePercent(p.payout), formatWholePercent(p.attainment)] as const;
      return { ok: false, message: fallingCurve(name, shown(point), shown(before)) };
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

/** Every curve of the Pay curves tables by name (case and spacing ignored), usable or with why not. */
export type PayCurves = ReadonlyMap<string, Parsed<PayCurve>>;

/**
 * Reads the Pay curves tables: one row per point, `Attainment` and `Payout` as `0.8` or `80%`. A row
 * whose numbers cannot be read is an `error` issue with its cell, and makes its curve unusable (a curve
 * with a point missing would pay something nobody wrote down).
 */
export function readPayCurves(
  tables: readonly PayCurvesTable[],
  reader: CellReader,
  issues: IssueLog
): PayCurves {
  const points = new Map<string, { name: string; points: PayCurvePoint[]; broken?: string }>();
  for (const table of tables) {
    const { view, columns, sheet } = table;
    for (let row = view.firstDataRow; row < view.endRow; row++) {
      if (view.isBlankRow(row)) continue;
      const name = cellText(view.cell(row, columns.curve ?? 0)).trim();
      const place = (column: number | undefined) => `${sheet}!${view.address(row, column ?? 0)}`;
      if (name === "") {
        issues.error(
          sheet,
          view.address(row, columns.curve ?? 0),
          unnamedCurvePoint(`Pay curve (${place(columns.curve)})`)
        );
        continue;
      }
      const key = nameKey(name);
      const curve = points.get(key) ?? { name, points: [] };
      points.set(key, curve);
      const attainment = reader.fraction(
        view.cell(row, columns.attainment ?? 0),
        `Attainment (${place(columns.attainment)})`
      );
      const payout = reader.fraction(
        view.cell(row, columns.payout ?? 0),
        `Payout (${place(columns.payout)})`
      );
      if (!attainment.ok || !payout.ok) {
        const problem = !attainment.ok ? attainment : (payout as { ok: false; message: string });
        const column = !attainment.ok ? columns.attainment : columns.payout;
        issues.error(
          sheet,
          view.address(row, column ?? 0),
          unreadableCurvePoint(name, problem.message)
        );
        curve.broken ??= brokenCurve(name, place(column));
        continue;
      }
      curve.points.push({ attainment: attainment.value, payout: payout.value });
    }
  }
  const curves = new Map<string, Parsed<PayCurve>>();
  for (const [key, curve] of points) {
    curves.set(
      key,
      curve.broken ? { ok: false, message: curve.broken } : checkPayCurve(curve.name, curve.points)
    );
  }
  return curves;
}

/** The curve a target names, or why it cannot pay: unknown, or not a usable curve. */
export function findPayCurve(curves: PayCurves, name: string): Parsed<PayCurve> {
  return curves.get(nameKey(name)) ?? { ok: false, message: unknownCurve(name) };
}
