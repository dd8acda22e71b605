import type { RunPlan } from "../engine/runs/run-history";

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
