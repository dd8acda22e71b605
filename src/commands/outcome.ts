import type { RecordedEvaluation } from "../excel/run";
import { formatDay, formatMoney, resultsSummary, runLine, targetCounts } from "../sheet";

/** What the ribbon's dialog shows: the run's progress, then how it ended. */
export type Outcome =
  | { readonly kind: "running"; readonly stage: string }
  | {
      readonly kind: "success";
      readonly asOf: string;
      readonly targets: number;
      readonly met: number;
      readonly missed: number;
      readonly pending: number;
      readonly review: number;
      readonly teams: number;
      readonly eligible: number;
      readonly issues: number;
      readonly totalReward: string;
      /** "Run 4", "Same inputs as run 3 (nothing new recorded)", with its approval; absent without a run. */
      readonly run?: string;
    }
  | { readonly kind: "failure"; readonly message: string };

/** Messages from the dialog page to the ribbon's function file. */
export type DialogRequest = { readonly kind: "ready" } | { readonly kind: "close" };

/** The counts, total reward and run of a finished evaluation, as the pane and the CLI show them. */
export function successOutcome(evaluation: RecordedEvaluation): Outcome {
  const summary = resultsSummary(evaluation);
  const run = runLine(evaluation.run?.plan, evaluation.record);
  return {
    kind: "success",
    asOf: formatDay(summary.asOf),
    ...targetCounts(evaluation),
    teams: summary.teams,
    eligible: summary.eligible,
    issues: summary.issues,
    totalReward: formatMoney(summary.totalReward),
    ...(run && { run }),
  };
}

/** A failed run: the error's own message, which says what to change. */
export function failureOutcome(error: unknown): Outcome {
  return { kind: "failure", message: error instanceof Error ? error.message : String(error) };
}

/** Reads an Outcome back from a message or query string, refusing anything else. */
export function parseOutcome(text: string | null): Outcome | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as { kind?: unknown };
    return value.kind === "running" || value.kind === "success" || value.kind === "failure"
      ? (value as Outcome)
      : undefined;
  } catch {
    return undefined;
  }
}
