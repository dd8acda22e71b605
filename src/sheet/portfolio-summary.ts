import type { Evaluation } from "../engine/evaluate";
import { resultsSummary } from "./results-summary";

/** One workbook of a portfolio run: its evaluation, or the one-line reason it has none. */
export type PortfolioWorkbook =
  | { readonly file: string; readonly evaluation: Evaluation }
  | { readonly file: string; readonly error: string };

/** A portfolio's totals: how many workbooks ran, and the team verdicts and money over all of them. */
export interface PortfolioSummary {
  readonly workbooks: number;
  readonly evaluated: number;
  readonly failed: number;
  readonly targets: number;
  readonly teams: number;
  readonly eligible: number;
  readonly notEligible: number;
  readonly pending: number;
  readonly review: number;
  readonly totalReward: number;
  readonly issues: number;
}

export function isEvaluated(
  workbook: PortfolioWorkbook
): workbook is { readonly file: string; readonly evaluation: Evaluation } {
  return "evaluation" in workbook;
}

/**
 * Sums of each evaluated workbook's summary. Teams are counted per workbook: two workbooks' "Service"
 * teams are two teams, paid separately.
 */
export function portfolioSummary(workbooks: readonly PortfolioWorkbook[]): PortfolioSummary {
  const evaluated = workbooks.filter(isEvaluated);
  const sum = (pick: (s: ReturnType<typeof resultsSummary>, e: Evaluation) => number) =>
    evaluated.reduce((total, w) => total + pick(resultsSummary(w.evaluation), w.evaluation), 0);
  return {
    workbooks: workbooks.length,
    evaluated: evaluated.length,
    failed: workbooks.length - evaluated.length,
    targets: sum((_, e) => e.results.length),
    teams: sum((s) => s.teams),
    eligible: sum((s) => s.eligible),
    notEligible: sum((s) => s.notEligible),
    pending: sum((s) => s.pending),
    review: sum((s) => s.review),
    totalReward: sum((s) => s.totalReward),
    issues: sum((s) => s.issues),
  };
}
