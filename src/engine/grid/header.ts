import { cellText, type CellValue } from "./cell";

/**
 * Header matching: case, spaces (non-breaking and zero-width ones too, which pasted headers carry),
 * `_` and `-` are ignored; each role has its accepted spellings.
 */
export function headerKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = text.toLowerCase().replace(/[\s\u200b-\u200d\u2060\u00ad_-]+/g, "");
    // Cell texts repeat (every row says "1 month", "%", "increase"): remember a bounded number of them.
    if (keys.size < 10_000) keys.set(text, key);
  }
  return key;
}

const keys = new Map<string, string>();

/**
 * Whether a row read from a sheet names exactly `header`'s columns, in order, as headerKey compares
 * them: how KPI Rewards knows its own tables (KpiRuns, KpiRunResults) where they were written.
 */
export function isHeaderRow(
  row: readonly CellValue[] | undefined,
  header: readonly string[]
): boolean {
  return (
    row !== undefined &&
    row.length === header.length &&
    row.every((cell, i) => headerKey(cellText(cell)) === headerKey(header[i]))
  );
}

export type TargetColumn =
  | "project"
  | "kpi"
  | "start"
  | "window"
  | "end"
  | "target"
  | "targetType"
  | "direction"
  | "baseline"
  | "aggregate"
  | "minPoints"
  | "team"
  | "reward"
  | "weight"
  | "threshold"
  | "cap"
  | "payCurve";

export type ObservationColumn = "project" | "kpi" | "date" | "value";

const TARGET_HEADERS: Record<string, TargetColumn> = {
  project: "project",
  kpi: "kpi",
  start: "start",
  golive: "start",
  window: "window",
  end: "end",
  target: "target",
  targettype: "targetType",
  direction: "direction",
  baseline: "baseline",
  aggregate: "aggregate",
  minpoints: "minPoints",
  team: "team",
  reward: "reward",
  weight: "weight",
  threshold: "threshold",
  cap: "cap",
  paycurve: "payCurve",
};

const OBSERVATION_HEADERS: Record<string, ObservationColumn> = {
  project: "project",
  kpi: "kpi",
  date: "date",
  value: "value",
};

export type AdjustmentColumn = "project" | "kpi" | "amount" | "reason" | "team" | "approvedBy";

const ADJUSTMENT_HEADERS: Record<string, AdjustmentColumn> = {
  project: "project",
  kpi: "kpi",
  amount: "amount",
  reason: "reason",
  team: "team",
  approvedby: "approvedBy",
};

export type PayCurveColumn = "curve" | "attainment" | "payout";

const PAY_CURVE_HEADERS: Record<string, PayCurveColumn> = {
  curve: "curve",
  attainment: "attainment",
  payout: "payout",
};

export function adjustmentColumn(header: string): AdjustmentColumn | undefined {
  return ADJUSTMENT_HEADERS[headerKey(header)];
}

export function payCurveColumn(header: string): PayCurveColumn | undefined {
  return PAY_CURVE_HEADERS[headerKey(header)];
}

export function targetColumn(header: string): TargetColumn | undefined {
  return TARGET_HEADERS[headerKey(header)];
}

export function observationColumn(header: string): ObservationColumn | undefined {
  return OBSERVATION_HEADERS[headerKey(header)];
}

/** Project and KPI names match across tables ignoring case and repeated spaces. */
export function nameKey(name: string): string {
  let key = names.get(name);
  if (key === undefined) {
    key = name.trim().replace(/\s+/g, " ").toLowerCase();
    if (names.size < 100_000) names.set(name, key);
  }
  return key;
}

const names = new Map<string, string>();
