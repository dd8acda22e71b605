import type { CellValue } from "../engine/grid/cell";
import { formatDay } from "../engine/grid/date";
import { RESULTS_SHEET } from "../engine/grid/workbook";
import { EXPLANATION_COLUMN, SHEET_COLUMN_WIDTHS } from "./column-widths";
import {
  bodyRows,
  resultsTable,
  teamsTable,
  type OutputTable,
  type OutputTableName,
} from "./output-tables";
import { isEvaluated, portfolioSummary, type PortfolioWorkbook } from "./portfolio-summary";
import type { ResultsSheet } from "./results-sheet";
import { reportHead, reportPrint } from "./report-head";
import type { SheetLine } from "./sheet-layout";

/**
 * The portfolio workbook's one sheet (SPEC §8): every evaluated workbook's teams and results under a
 * `Workbook` column, and the workbooks that failed with their errors, laid out like the results sheet
 * so that the same writers render it with the same formats and highlighting.
 */

export const PORTFOLIO_TITLE = "KPI Rewards portfolio";
export const FAILED_HEADER = ["Workbook", "Error"] as const;
/** Wide enough for a folder and a file name; longer ones are cut off on screen, never in the cell. */
export const WORKBOOK_COLUMN_WIDTH = 30;

/** The workbook's own table with a `Workbook` column first, every workbook's rows one after another. */
function withWorkbookColumn(
  name: OutputTableName,
  tables: readonly { file: string; table: OutputTable }[],
  empty: OutputTable
): OutputTable {
  const shape = tables[0]?.table ?? empty;
  return {
    name,
    header: ["Workbook", ...shape.header],
    formats: ["text", ...shape.formats],
    rows: tables.flatMap(({ file, table }) => table.rows.map((row) => [file, ...row])),
    highlights: shape.highlights.map((h) => ({ ...h, column: h.column + 1 })),
  };
}

const NO_EVALUATION = {
  asOf: 0,
  results: [],
  teams: [],
  issues: [],
  tables: [],
  adjustments: [],
};

export function portfolioTeamsTable(workbooks: readonly PortfolioWorkbook[]): OutputTable {
  const tables = workbooks
    .filter(isEvaluated)
    .map((w) => ({ file: w.file, table: teamsTable(w.evaluation) }));
  return withWorkbookColumn("KpiTeams", tables, teamsTable(NO_EVALUATION));
}

export function portfolioResultsTable(workbooks: readonly PortfolioWorkbook[]): OutputTable {
  const tables = workbooks
    .filter(isEvaluated)
    .map((w) => ({ file: w.file, table: resultsTable(w.evaluation) }));
  return withWorkbookColumn("KpiResults", tables, resultsTable(NO_EVALUATION));
}

export function failedTable(workbooks: readonly PortfolioWorkbook[]): OutputTable {
  return {
    name: "KpiFailed",
    header: FAILED_HEADER,
    formats: ["text", "text"],
    rows: workbooks.flatMap((w) => ("error" in w ? [[w.file, w.error]] : [])),
    highlights: [],
  };
}

/** The totals under the portfolio's teams: counts and rewards summed over every workbook's teams. */
function teamTotals(teams: OutputTable): CellValue[] {
  const sum = (column: number) =>
    teams.rows.reduce(
      (total, row) => total + (typeof row[column] === "number" ? row[column] : 0),
      0
    );
  const column = (name: string) => teams.header.indexOf(name);
  return [
    "Total",
    null,
    ...["Targets", "Met", "Missed", "Pending", "Review"].map((name) => sum(column(name))),
    null,
    null,
    sum(column("Reward")),
  ];
}

/**
 * Title and header line; the summary (as-of date, workbooks evaluated and failed, team verdicts,
 * total reward, issues); the failed workbooks first, since they need action; every workbook's
 * teams with their totals; every workbook's targets. Tables sit two rows apart.
 */
export function portfolioSheet(
  workbooks: readonly PortfolioWorkbook[],
  asOf: number,
  evaluatedAt: string
): ResultsSheet {
  const facts = portfolioSummary(workbooks);
  const day = formatDay(asOf);
  const summary =
    `As of ${day} · evaluated ${evaluatedAt} · ${facts.workbooks} workbooks: ` +
    `${facts.evaluated} evaluated, ${facts.failed} failed · ${facts.targets} targets · ` +
    `${facts.teams} teams · ${facts.issues} issues`;
  const lines: SheetLine[] = reportHead(PORTFOLIO_TITLE, summary, [
    ["As of", asOf, "date"],
    ["Workbooks evaluated", facts.evaluated, "count"],
    ["Workbooks failed", facts.failed, "count"],
    ["Teams eligible", facts.eligible, "count"],
    ["Teams not eligible", facts.notEligible, "count"],
    ["Teams pending", facts.pending, "count"],
    ["Teams to review", facts.review, "count"],
    ["Total reward", facts.totalReward, "money"],
    ["Issues", facts.issues, "count"],
  ]);
  const failed = failedTable(workbooks);
  const failedTop = 13;
  const teams = portfolioTeamsTable(workbooks);
  const teamsTop = failedTop + 1 + bodyRows(failed).length + 2;
  const totalsRow = teamsTop + 1 + bodyRows(teams).length;
  lines.push({
    row: totalsRow,
    values: teamTotals(teams),
    formats: teams.formats,
    emphasis: "total",
  });
  const results = portfolioResultsTable(workbooks);
  const resultsTop = totalsRow + 3;
  const explanation = 1 + EXPLANATION_COLUMN;
  return {
    // A new workbook of our own, in the 1900 date system: its one sheet is the usual KPI Rewards sheet.
    name: RESULTS_SHEET,
    date1904: false,
    title: PORTFOLIO_TITLE,
    summary,
    lines,
    tables: [
      { table: failed, top: failedTop },
      { table: teams, top: teamsTop },
      { table: results, top: resultsTop },
    ],
    columns: [WORKBOOK_COLUMN_WIDTH, ...SHEET_COLUMN_WIDTHS].map((width, i) => ({
      width,
      wrap: i === explanation,
    })),
    frozenRows: 2,
    print: reportPrint(PORTFOLIO_TITLE, day),
  };
}
