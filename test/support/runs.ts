import type { RunRecord } from "../../src/engine";

/** A run as KpiRuns records it, for rules that look only at its number, as-of date, Targets and approval. */
export const runLine = (
  run: number,
  asOf: number,
  targets: number,
  approvedBy?: string
): RunRecord => ({
  run,
  asOf,
  evaluatedAt: asOf + 1,
  targets,
  met: 0,
  missed: 0,
  pending: 0,
  review: 0,
  totalReward: 0,
  inputs: "abc",
  ...(approvedBy ? { approvedBy } : {}),
});
