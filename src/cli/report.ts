import type { Evaluation, TargetResult } from "../engine";
import {
  formatIsoDate,
  formatMoney,
  resultsSummary,
  targetCounts,
  targetsSentence,
} from "../sheet";
import { issuesLine, reportTitle, totalRewardLine } from "./messages";

/** The `--json` document of SPEC §8: dates as YYYY-MM-DD, numbers unrounded, null where undefined. */
export function jsonReport(evaluation: Evaluation): string {
  const date = (serial: number | null) => (serial === null ? null : formatIsoDate(serial));
  const result = (r: TargetResult) => ({
    project: r.project,
    team: r.team,
    kpi: r.kpi,
    start: date(r.start),
    end: date(r.end),
    baseline: r.baseline,
    actual: r.actual,
    targetValue: r.targetValue,
    change: r.change,
    attainment: r.attainment,
    projected: r.projected,
    pace: r.pace,
    status: r.status,
    payout: r.payout,
    adjustment: r.adjustment,
    explanation: r.explanation,
    previousStatus: r.previousStatus,
    previousPayout: r.previousPayout,
    changed: r.changed,
    source: `${r.source.sheet}!${r.source.cell}`,
  });
  return JSON.stringify(
    {
      asOf: formatIsoDate(evaluation.asOf),
      results: evaluation.results.map(result),
      teams: evaluation.teams.map((t) => ({ ...t })),
      issues: evaluation.issues.map((i) => ({
        severity: i.severity,
        sheet: i.sheet,
        cell: i.cell,
        message: i.message,
      })),
    },
    null,
    2
  );
}

const COLOURS = { Yes: 32, No: 31, Pending: 33, Review: 90 } as const;

/** The readable summary: teams, eligibility, rewards, issue count; colour only on a terminal. */
export function textReport(evaluation: Evaluation, file: string, colour: boolean): string {
  const paint = (text: string, code: number) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const teamWidth = Math.max(4, ...evaluation.teams.map((t) => t.team.length));
  const header = `${"Team".padEnd(teamWidth)}  Eligible  Met  Missed  Pending  Review  ${"Reward".padStart(12)}`;
  const lines = evaluation.teams.map((t) => {
    const eligible = paint(t.eligible.padEnd(8), COLOURS[t.eligible]);
    const counts = `${String(t.met).padStart(3)}  ${String(t.missed).padStart(6)}  ${String(t.pending).padStart(7)}  ${String(t.review).padStart(6)}`;
    return `${t.team.padEnd(teamWidth)}  ${eligible}  ${counts}  ${formatMoney(t.reward).padStart(12)}`;
  });
  const summary = resultsSummary(evaluation);
  const errors = evaluation.issues.filter((i) => i.severity === "error").length;
  return [
    reportTitle(file, formatIsoDate(evaluation.asOf)),
    "",
    header,
    ...lines,
    "",
    targetsSentence(targetCounts(evaluation)),
    totalRewardLine(formatMoney(summary.totalReward)),
    issuesLine(summary.issues, errors),
  ].join("\n");
}
