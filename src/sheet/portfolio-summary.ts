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

/** What a portfolio's totals take from one evaluated workbook: its results summary and its targets. */
export interface WorkbookSummary extends ResultsSummary {
  readonly targets: number;
}

export function workbookSummary(evaluation: Evaluation): WorkbookSummary {
  return { ...resultsSummary(evaluation), targets: evaluation.results.length };
}

/**
 * Sums of the evaluated workbooks' summaries, out of `workbooks` in all. Teams are counted per
 * workbook: two workbooks' "Service" teams are two teams, paid separately.
 */
export function portfolioTotals(
  workbooks: number,
  summaries: readonly WorkbookSummary[]
): PortfolioSummary {
  const sum = (pick: (s: WorkbookSummary) => number) =>
    summaries.reduce((total, s) => total + pick(s), 0);
  return {
    workbooks,
    evaluated: summaries.length,
    failed: workbooks - summaries.length,
    targets: sum((s) => s.targets),
    teams: sum((s) => s.teams),
    eligible: sum((s) => s.eligible),
    notEligible: sum((s) => s.notEligible),
    pending: sum((s) => s.pending),
    review: sum((s) => s.review),
    totalReward: sum((s) => s.totalReward),
    issues: sum((s) => s.issues),
  };
}

export function portfolioSummary(workbooks: readonly PortfolioWorkbook[]): PortfolioSummary {
  const evaluated = workbooks.filter(isEvaluated);
  return portfolioTotals(
    workbooks.length,
    evaluated.map((w) => workbookSummary(w.evaluation))
  );
}
