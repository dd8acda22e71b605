import type { Evaluation } from "../engine/evaluate";
import { resultsSummary, type ResultsSummary } from "./results-summary";

/** One workbook of a portfolio run: its evaluation, or the one-line reason it has none. */
export type PortfolioWorkbook =
  | { readonly file: string; readonly evaluation: Evaluation }
  | { readonly file: string; readonly error: string };

/**
 * A portfolio's totals: how many workbooks ran and how many targets they hold, with the results
 * summary's team verdicts, money and issues summed over them.
 */
export interface PortfolioSummary extends Omit<ResultsSummary, "asOf"> {
  readonly workbooks: number;
  readonly evaluated: number;
  readonly failed: number;
  readonly targets: number;
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
  const summaries = evaluated.map((w) => resultsSummary(w.evaluation));
  const sum = (pick: (s: ResultsSummary) => number) =>
    summaries.reduce((total, s) => total + pick(s), 0);
  return {
    workbooks: workbooks.length,
    evaluated: evaluated.length,
    failed: workbooks.length - evaluated.length,
    targets: evaluated.reduce((total, w) => total + w.evaluation.results.length, 0),
    teams: sum((s) => s.teams),
    eligible: sum((s) => s.eligible),
    notEligible: sum((s) => s.notEligible),
    pending: sum((s) => s.pending),
    review: sum((s) => s.review),
    totalReward: sum((s) => s.totalReward),
    issues: sum((s) => s.issues),
  };
}
