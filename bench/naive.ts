import type { CellValue } from "../src/engine";

/**
 * What a careful analyst would write without an index: for each target, filter every observation row
 * by project, KPI and date, then aggregate. Only the evaluation and default baseline windows' averages
 * and sums are computed, for `days`-long windows; enough to compare speed and to check the numbers.
 */
export function naiveWindows(
  observations: readonly (readonly CellValue[])[],
  project: string,
  kpi: string,
  start: number,
  days: number
): { actual: number | null; baseline: number | null } {
  let actualSum = 0;
  let actualCount = 0;
  let baselineSum = 0;
  let baselineCount = 0;
  const p = project.trim().toLowerCase();
  const k = kpi.trim().toLowerCase();
  for (let r = 1; r < observations.length; r++) {
    const row = observations[r];
    if (String(row[0]).trim().toLowerCase() !== p || String(row[1]).trim().toLowerCase() !== k)
      continue;
    const date = row[2] as number;
    const value = row[3] as number;
    if (date >= start && date < start + days) {
      actualSum += value;
      actualCount++;
    } else if (date >= start - days && date < start) {
      baselineSum += value;
      baselineCount++;
    }
  }
  return {
    actual: actualCount ? actualSum / actualCount : null,
    baseline: baselineCount ? baselineSum / baselineCount : null,
  };
}
