import type { CellRef } from "./grid/address";
import { aggregateWindow, isExtensive } from "./series/aggregate";
import { goal as goalOf } from "./rules/attainment";
import { measureBaseline } from "./series/baseline";
import { CellReader } from "./grid/cell-reader";
import { IssueLog } from "./grid/issue";
import { readObservations, type ObservationIndex } from "./series/observations";
import { measurePace } from "./rules/pace";
import type { Series } from "./series/series";
import type { FoundTables } from "./grid/tables";
import type { Target } from "./rules/target";
import { missingTargetColumns, readTargetRow } from "./rules/target-row";
import type { Window } from "./series/window";

export interface TrendPoint {
  /** Whole-day serial. */
  readonly day: number;
  readonly value: number;
}

/** What the pane draws for one target: its observations around the windows it is judged on. */
export interface Trend {
  readonly kpi: string;
  /**
   * Every observation from the first window's first day to the last window's last day, by date. For a
   * sum or count, the running total inside each window instead, so that it meets the levels it is
   * judged by.
   */
  readonly points: readonly TrendPoint[];
  readonly cumulative: boolean;
  readonly evaluation: Window;
  /** The baseline window; absent when the baseline is a fixed number. */
  readonly baseline?: Window;
  /** `B` and `T`, drawn as levels; null when the data cannot give them. */
  readonly baselineLevel: number | null;
  readonly targetLevel: number | null;
  readonly asOf: number;
  /** Where an open window is heading (SPEC §11): its aggregate projected to the window's last day. */
  readonly projected?: TrendPoint;
}

/** The observations a target is judged on, its baseline and target levels, and its projection. */
export function trendOf(target: Target, series: Series, asOf: number): Trend {
  const evaluation = target.evaluation;
  const baseline = measureBaseline(target.baseline, series, evaluation, target.aggregate);
  const windows = baseline.window ? [baseline.window, evaluation] : [evaluation];
  const from = Math.min(...windows.map((w) => w.from));
  const to = Math.max(...windows.map((w) => w.to));
  const first = series.lowerBound(from);
  const end = Math.max(first, series.lowerBound(to));
  const cumulative = isExtensive(target.aggregate);
  const points: TrendPoint[] = [];
  let running = 0;
  let current: Window | undefined;
  const { dates, values } = series;
  for (let i = first; i < end; i++) {
    const day = dates[i];
    if (!cumulative) {
      points.push({ day, value: values[i] });
      continue;
    }
    const inside = windows.find((w) => day >= w.from && day < w.to);
    if (!inside) continue;
    if (inside !== current) [current, running] = [inside, 0];
    running += target.aggregate === "count" ? 1 : values[i];
    points.push({ day, value: running });
  }
  const parsedGoal =
    baseline.value === null
      ? undefined
      : goalOf(target.targetType, target.target, baseline.value, target.direction);
  const goal = parsedGoal?.ok ? parsedGoal.value : undefined;
  const open = asOf < evaluation.to;
  let projected: TrendPoint | undefined;
  if (open && goal) {
    const soFarWindow = { from: evaluation.from, to: Math.floor(asOf) + 1 };
    const soFar = aggregateWindow(series, soFarWindow, target.aggregate);
    const { first: f, end: e } = series.slice(soFarWindow);
    const sum = series.sum(f, e);
    const pace =
      soFar.value === null
        ? undefined
        : measurePace(
            evaluation,
            target.aggregate,
            goal,
            { count: soFar.count, sum, value: soFar.value },
            asOf
          );
    if (pace) projected = { day: evaluation.to - 1, value: pace.projected };
  }
  return {
    kpi: target.kpi,
    points,
    cumulative,
    evaluation,
    baseline: baseline.window,
    baselineLevel: baseline.value,
    targetLevel: goal?.value ?? null,
    asOf,
    projected,
  };
}

/** `Targets!A5`: how a target row is looked up. */
function key(source: CellRef): string {
  return `${source.sheet}!${source.cell}`;
}

/**
 * The trend of any target of the tables, by the cell that starts its row. Observations are indexed once,
 * on the first request, so an evaluation that nobody looks into costs nothing more.
 */
export function trendFinder(
  found: FoundTables,
  date1904: boolean,
  asOf: number
): (source: CellRef) => Trend | undefined {
  let targets: Map<string, Target> | undefined;
  let index: ObservationIndex | undefined;
  return (source) => {
    if (!targets || !index) {
      // Problems were reported by the evaluation already: these logs are thrown away.
      const reader = new CellReader(date1904);
      index = readObservations(found.observations, reader, new IssueLog());
      targets = new Map();
      for (const table of found.targets) {
        const log = new IssueLog();
        const problem = missingTargetColumns(table, log);
        for (let row = table.view.firstDataRow; row < table.view.endRow; row++) {
          if (table.view.isBlankRow(row)) continue;
          const parsed = readTargetRow(table, row, reader, log, problem);
          if (parsed.ok) targets.set(key(parsed.target.source), parsed.target);
        }
      }
    }
    const target = targets.get(key(source));
    const series = target && index.get(target.project, target.kpi);
    return target && series ? trendOf(target, series, asOf) : undefined;
  };
}
