import type { CellRef } from "../grid/address";
import { cellKind, describeCell, type CellValue } from "../grid/cell";
import { named, parsePercentText, type Label } from "../grid/cell-reader";
import { headerKey } from "../grid/header";
import type { Parsed } from "../grid/parsed";
import {
  blankTarget,
  directionAgainstSign,
  fallOfAll,
  moreThanDoubling,
  noMovement,
  targetNotANumber,
} from "../messages";
import type { Aggregate } from "../series/aggregate";
import type { BaselineRule } from "../series/baseline";
import type { Window } from "../series/window";

export type TargetType = "%" | "change" | "value";
export type Direction = "increase" | "decrease";

/** One promise from the Targets table, read and checked. */
export interface Target {
  readonly source: CellRef;
  /** The KPI cell, where a problem with the name is shown. */
  readonly kpiCell: CellRef;
  /** The Target cell, where a target the data makes impossible is shown. */
  readonly targetCell: CellRef;
  readonly project: string;
  readonly team: string;
  readonly kpi: string;
  readonly start: number;
  readonly evaluation: Window;
  readonly baseline: BaselineRule;
  /** The Target cell: a fraction for `%`, an amount for `change`, a level for `value`. */
  readonly target: number;
  readonly targetType: TargetType;
  /** The Direction cell, when filled. */
  readonly direction?: Direction;
  readonly aggregate: Aggregate;
  readonly minPoints: number;
  readonly reward: number;
  readonly weight: number;
  readonly threshold?: number;
  readonly cap?: number;
  /** The name of the pay curve that decides the payout (SPEC §12), and its cell. */
  readonly payCurve?: { readonly name: string; readonly cell: CellRef };
}

const TARGET_TYPES: Record<string, TargetType> = {
  "%": "%",
  percent: "%",
  percentage: "%",
  relative: "%",
  change: "change",
  absolute: "change",
  absolutechange: "change",
  value: "value",
  level: "value",
};

const DIRECTIONS: Record<string, Direction> = {
  increase: "increase",
  up: "increase",
  higher: "increase",
  atleast: "increase",
  decrease: "decrease",
  down: "decrease",
  lower: "decrease",
  atmost: "decrease",
};

export function parseTargetType(text: string): TargetType | undefined {
  return TARGET_TYPES[headerKey(text)];
}

export function parseDirection(text: string): Direction | undefined {
  return DIRECTIONS[headerKey(text)];
}

/**
 * A Target cell as a number: `%` targets also take percent text (`-20%`). `label` names the cell; a
 * function when building the name costs more than the read (a Targets row's cell address).
 */
export function parseTargetCell(
  value: CellValue,
  targetType: TargetType,
  label: Label
): Parsed<number> {
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
  if (cellKind(value) === "blank") return { ok: false, message: blankTarget(named(label)) };
  if (typeof value === "string" && targetType === "%") {
    const percent = parsePercentText(value);
    if (percent !== undefined) return { ok: true, value: percent };
  }
  return {
    ok: false,
    message: targetNotANumber(named(label), describeCell(value), targetType === "%"),
  };
}

/** A problem with a target's own numbers, found before any observation is read (SPEC §3). */
export interface TargetProblem {
  readonly column: "target" | "direction";
  /** `error` makes the target Invalid; `warning` is evaluated but worth a look. */
  readonly severity: "error" | "warning";
  readonly message: string;
}

/**
 * The SPEC §3 rules on `t` itself: no movement, a `%` fall of 100% or more (with the `-20` for `-20%`
 * hint), more than doubling (a warning), a Direction that contradicts the sign.
 */
export function checkTarget(
  t: number,
  targetType: TargetType,
  direction: Direction | undefined,
  label: (column: "target" | "direction") => string
): TargetProblem[] {
  if (targetType === "value") return [];
  // Only a problem shows the target: most rows have none.
  const shown = () => (targetType === "%" ? `${t} (${formatSignedPercent(t)})` : String(t));
  const error = (column: "target" | "direction", message: string): TargetProblem => ({
    column,
    severity: "error",
    message,
  });
  if (t === 0) return [error("target", noMovement(label("target")))];
  if (targetType === "%" && t <= -1)
    return [error("target", fallOfAll(label("target"), shown(), t))];
  const problems: TargetProblem[] = [];
  if (targetType === "%" && t > 1) {
    problems.push({
      column: "target",
      severity: "warning",
      message: moreThanDoubling(label("target"), shown(), t),
    });
  }
  const implied: Direction = t > 0 ? "increase" : "decrease";
  if (direction && direction !== implied) {
    const shownTarget = targetType === "%" ? formatSignedPercent(t) : String(t);
    problems.push(
      error("direction", directionAgainstSign(label("direction"), direction, shownTarget, implied))
    );
  }
  return problems;
}

/** `-0.2` → `−20%`, `-0.22402` → `−22.4%`; signed unless asked not to. */
export function formatSignedPercent(fraction: number, signed = true): string {
  const percent = Math.round(fraction * 1000) / 10;
  const text = `${Math.abs(percent)}%`;
  if (percent < 0) return `−${text}`;
  return signed && percent > 0 ? `+${text}` : text;
}
