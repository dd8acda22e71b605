import type { CellValue } from "../engine/grid/cell";
import { formatDay } from "../engine/grid/date";
import type { Evaluation } from "../engine/evaluate";
import { EXPLANATION_COLUMN, SHEET_COLUMN_WIDTHS } from "./column-widths";
import { bodyRows, issuesTable, resultsTable, teamsTable } from "./output-tables";
import { RESULTS_SHEET } from "../engine/grid/workbook";
import { inDateSystem } from "./date-system";
import { reportHead, reportPrint } from "./report-head";
import { runDescription } from "./run-description";
import { resultsSummary, targetCounts, targetsSentence } from "./results-summary";
import type { SheetLayout, SheetLine } from "./sheet-layout";

/** How the sheet prints: landscape, every column on one page, the header rows on every page. */
export interface PrintSetup {
  /** Printed at the top of every page. */
  readonly title: string;
  readonly orientation: "landscape";
  readonly pagesWide: 1;
  /** 0-based first and last row repeated at the top of every page. */
  readonly repeatRows: readonly [number, number];
}

/** The `KPI Rewards` sheet, laid out once for every writer (Office.js, xlsx). */
export interface ResultsSheet extends SheetLayout {
  readonly name: typeof RESULTS_SHEET;
  readonly title: string;
  /** The header line: as-of date, time of evaluation, counts. */
  readonly summary: string;
  readonly print: PrintSetup;
}

/**
 * Why a team can be paid and still not be eligible: the two columns answer different questions. Two
 * lines, each short enough to stay within the printed width.
 */
export const REWARD_NOTE = [
  "Reward adds up what each target pays on its own, so a team that missed one target is still paid for the others.",
  "Eligible says whether the team met all of its targets: Yes, No (one was missed), Pending or Review (not decided yet).",
] as const;

/** The TOTAL line under KpiTeams: counts and reward summed; score and eligibility are per team. */
function teamTotals(evaluation: Evaluation): CellValue[] {
  const sum = (pick: (t: (typeof evaluation.teams)[number]) => number) =>
    evaluation.teams.reduce((total, t) => total + pick(t), 0);
  return [
    "Total",
    sum((t) => t.targets),
    sum((t) => t.met),
    sum((t) => t.missed),
    sum((t) => t.pending),
    sum((t) => t.review),
    null,
    null,
    sum((t) => t.reward),
  ];
}

/**
 * The sheet's layout: title and header line; the summary a manager reads first; a note on Reward and
 * Eligible; the teams with their totals; the targets; the issues. Tables sit two rows apart.
 */
export function resultsSheet(
  evaluation: Evaluation,
  evaluatedAt: string,
  date1904 = false
): ResultsSheet {
  const facts = resultsSummary(evaluation);
  const asOf = formatDay(evaluation.asOf);
  const run = evaluation.run ? ` · ${runDescription(evaluation.run.plan)}` : "";
  const summary =
    `As of ${asOf} · evaluated ${evaluatedAt} · ${targetsSentence(targetCounts(evaluation))} · ` +
    `${evaluation.teams.length} teams · ${evaluation.issues.length} issues${run}`;
  const lines: SheetLine[] = [
    ...reportHead("KPI Rewards", summary, [
      ["As of", facts.asOf, "date"],
      ["Teams eligible", facts.eligible, "count"],
      ["Teams not eligible", facts.notEligible, "count"],
      ["Teams pending", facts.pending, "count"],
      ["Teams to review", facts.review, "count"],
      ["Total reward", facts.totalReward, "money"],
      ["Issues", facts.issues, "count"],
    ]),
    ...REWARD_NOTE.map((text, i): SheetLine => ({
      row: 11 + i,
      values: [text],
      formats: ["text"],
      emphasis: "note",
    })),
  ];
  const teams = teamsTable(evaluation);
  const teamsTop = 14;
  const totalsRow = teamsTop + 1 + bodyRows(teams).length;
  lines.push({
    row: totalsRow,
    values: teamTotals(evaluation),
    formats: teams.formats,
    emphasis: "total",
  });
  const results = resultsTable(evaluation);
  const resultsTop = totalsRow + 3;
  const issuesTop = resultsTop + 1 + bodyRows(results).length + 2;
  const laid: ResultsSheet = {
    name: RESULTS_SHEET,
    title: "KPI Rewards",
    summary,
    lines,
    tables: [
      { table: teams, top: teamsTop },
      { table: results, top: resultsTop },
      { table: issuesTable(evaluation), top: issuesTop },
    ],
    columns: SHEET_COLUMN_WIDTHS.map((width, i) => ({ width, wrap: i === EXPLANATION_COLUMN })),
    frozenRows: 2,
    print: reportPrint("KPI Rewards", asOf),
    date1904: false,
  };
  return inDateSystem(laid, date1904);
}
