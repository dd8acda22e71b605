import type { Evaluation } from "./evaluate";
import { runRecord, runTargetRecords, type RunHistory, type RunRecord } from "./runs/run-history";

/** What an evaluation that writes the workbook records in its history (SPEC §9). */
export interface RecordedRun {
  /** The history to write: the earlier runs as they were, this run appended; absent for a repeat. */
  readonly history?: RunHistory;
  /** The run these results are: the one just appended, or the earlier run they repeat. */
  readonly record?: RunRecord;
}

/**
 * Runs are only ever appended, and an evaluation whose as-of date and inputs equal the last run's
 * records nothing new. Every host that writes records through this one rule.
 */
export function recordedRun(
  history: RunHistory,
  evaluation: Evaluation,
  evaluatedAt: number
): RecordedRun {
  const outcome = evaluation.run;
  if (!outcome) return {};
  const plan = outcome.plan;
  if (plan.kind === "repeat") return { record: history.runs.find((r) => r.run === plan.run) };
  const record = runRecord(
    plan.run,
    evaluation.asOf,
    evaluatedAt,
    outcome.inputs,
    evaluation.results
  );
  return {
    record,
    history: {
      runs: [...history.runs, record],
      results: [...history.results, ...runTargetRecords(plan.run, evaluation.results)],
    },
  };
}
