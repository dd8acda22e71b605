import type { CellValue, SheetGrid, WorkbookGrid } from "../src/engine";

/** A deterministic generator, so every run measures the same input. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const FIRST_DAY = 44927; // 1 Jan 2023

export interface Portfolio {
  targets: CellValue[][];
  observations: CellValue[][];
  workbook: WorkbookGrid;
}

const AGGREGATES = ["average", "sum", "min", "max", "median", "last", "count", "average"];
const WINDOWS = ["30 days", "1 month", "3 months", "2 weeks", "90d", "1 quarter"];

/**
 * `observations` rows of a long table spread over `series` Project/KPI pairs in random row order, and
 * `targets` target rows over those series with every aggregate and several window texts.
 */
export function portfolio(
  observations: number,
  targets: number,
  series = Math.min(targets, 10_000)
): Portfolio {
  const next = random(42);
  const projects = Math.ceil(series / 10);
  // One string object per name, as a workbook's shared strings give them.
  const names = Array.from({ length: series }, (_, i) => [
    `Project ${Math.floor(i / 10)}`,
    `KPI ${i % 10}`,
  ]);
  const name = (i: number) => names[i];
  // Each series observed on consecutive days (as KPI sheets are), rows in random order across series;
  // row arrays are allocated in reading order, as a host's JSON or a file reader produces them.
  const order = new Uint32Array(observations);
  for (let i = 0; i < observations; i++) order[i] = i;
  for (let i = observations - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const obs: CellValue[][] = [["Project", "KPI", "Date", "Value"]];
  for (const i of order) {
    const [p, k] = name(i % series);
    obs.push([p, k, FIRST_DAY + Math.floor(i / series), Math.round(next() * 1000) / 10]);
  }
  const rows: CellValue[][] = [
    ["Project", "KPI", "Start", "Window", "Target", "Aggregate", "Reward", "Team"],
  ];
  for (let i = 0; i < targets; i++) {
    const [p, k] = name(i % series);
    const days = Math.max(1, Math.floor(observations / series));
    rows.push([
      p,
      k,
      FIRST_DAY + Math.floor(days / 2) - 10 + Math.floor(next() * 20),
      WINDOWS[i % WINDOWS.length],
      i % 2 ? -0.1 : 0.1,
      AGGREGATES[i % AGGREGATES.length],
      1000,
      `Team ${i % projects}`,
    ]);
  }
  const sheets: SheetGrid[] = [
    { name: "Targets", values: rows },
    { name: "Observations", values: obs },
  ];
  return { targets: rows, observations: obs, workbook: { sheets } };
}
