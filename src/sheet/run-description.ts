import { formatDay } from "../engine/grid/date";
import type { RunPlan, RunRecord } from "../engine/runs/run-history";

/**
 * Which run of the history a set of results is (SPEC §9): a new run, or the earlier run it repeats
 * because the as-of date and the inputs are the same. The results' header line and the pane say it
 * alike.
 */
export function runDescription(plan: RunPlan): string {
  return plan.kind === "new"
    ? `run ${plan.run}`
    : `same inputs as run ${plan.run} (nothing new recorded)`;
}

/**
 * "Run 3 · approved by Ana Silva on 30 Nov 2024" or "Same inputs as run 3 (nothing new recorded)": the
 * run as a line of its own, in the pane and in the ribbon's outcome. `record` is the run recorded, or
 * the earlier run repeated, with its approval if any; empty when the evaluation recorded no run.
 */
export function runLine(plan: RunPlan | undefined, record: RunRecord | undefined): string {
  if (!plan || !record) return "";
  const run = runDescription(plan);
  const parts = [`${run[0].toUpperCase()}${run.slice(1)}`];
  if (record.approvedBy !== undefined) {
    const day =
      record.approvedAt === undefined ? "" : ` on ${formatDay(Math.floor(record.approvedAt))}`;
    parts.push(`approved by ${record.approvedBy}${day}`);
  }
  return parts.join(" · ");
}
