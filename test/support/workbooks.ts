import type { CellValue, SheetGrid, WorkbookGrid } from "../../src/engine";
import { serialFromCivil } from "../../src/engine";

/** A date serial from a readable date: `day("2024-02-01")`. */
export function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return serialFromCivil(y, m, d);
}

export const TARGET_HEADER = ["Project", "KPI", "Start", "Window", "Target"];

/** A Targets sheet from a header and rows. */
export function sheet(
  name: string,
  header: readonly string[],
  rows: readonly CellValue[][]
): SheetGrid {
  return { name, values: [header.slice(), ...rows.map((r) => r.slice())] };
}

/** Daily observations of one KPI as a long table: `[["2024-01-01", 10], ...]`. */
export function longRows(
  project: string,
  kpi: string,
  points: readonly [string, number][]
): CellValue[][] {
  return points.map(([date, value]) => [project, kpi, day(date), value]);
}

/** `count` consecutive days from `first`, all with `value` (or values from a function of the index). */
export function everyDay(
  first: string,
  count: number,
  value: number | ((i: number) => number)
): [string, number][] {
  const start = day(first);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(1899, 11, 30 + start + i));
    return [date.toISOString().slice(0, 10), typeof value === "number" ? value : value(i)];
  });
}

/** A workbook of a Targets sheet and one long Observations sheet. */
export function workbook(targets: {
  header?: readonly string[];
  rows: readonly CellValue[][];
  observations: readonly CellValue[][];
}): WorkbookGrid {
  return {
    sheets: [
      sheet("Targets", targets.header ?? TARGET_HEADER, targets.rows),
      sheet("Observations", ["Project", "KPI", "Date", "Value"], targets.observations),
    ],
  };
}
