import type { CellValue } from "./cell";
import { formatDay } from "./date";
import type { Evaluation } from "./evaluate";
import type { Pace } from "./pace";
import { STATUSES, needsReview, type Status } from "./status";
import { resultsSummary } from "./results-summary";
import type { Eligibility } from "./team";

/** How a column's cells are shown; every writer maps these to its own number formats. */
export type ColumnFormat = "text" | "date" | "number" | "percent" | "money" | "count";

/** Excel number formats for each column format, used by every writer. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  date: "yyyy-mm-dd",
  number: "#,##0.0",
  percent: "0.0%",
  money: "#,##0.00",
  count: "0",
};

export type Highlight = "status" | "eligible" | "pace" | "attainment";

export type OutputTableName = "KpiResults" | "KpiTeams" | "KpiIssues";

export interface OutputTable {
  readonly name: OutputTableName;
  readonly header: readonly string[];
  readonly formats: readonly ColumnFormat[];
  readonly rows: CellValue[][];
  /** Columns that carry conditional formats. */
  readonly highlights: readonly { column: number; highlight: Highlight }[];
}

/** A line of the sheet outside the tables: the title, the summary facts, the note, the totals. */
export interface SheetLine {
  /** 0-based row; cells start in column A. */
  readonly row: number;
  readonly values: readonly CellValue[];
  readonly formats: readonly ColumnFormat[];
  readonly emphasis: "title" | "label" | "note" | "total" | "plain";
}

/** A column of the sheet: its width in characters (Excel's unit) and whether long text wraps. */
export interface SheetColumn {
  readonly width: number;
  readonly wrap: boolean;
}

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
export interface ResultsSheet {
  readonly title: string;
  /** The header line: as-of date, time of evaluation, counts. */
  readonly summary: string;
  /** Every line outside the tables, the title and header line included, in row order. */
  readonly lines: readonly SheetLine[];
  /** Each table with its 0-based top row; all start in column A. */
  readonly tables: readonly { table: OutputTable; top: number }[];
  readonly columns: readonly SheetColumn[];
  /** Rows kept in view while scrolling: the title and the header line. */
  readonly frozenRows: number;
  readonly print: PrintSetup;
}

export const RESULTS_HEADER = [
  "Project",
  "Team",
  "KPI",
  "Start",
  "End",
  "Baseline",
  "Actual",
  "Target value",
  "Change",
  "Attainment",
  "Projected",
  "Pace",
  "Status",
  "Payout",
  "Adjustment",
  "Explanation",
  "Previous status",
  "Previous payout",
  "Changed",
] as const;

/** Each sheet column's width in characters, sized for KpiResults (the widest table). */
export const SHEET_COLUMN_WIDTHS: readonly number[] = RESULTS_HEADER.map((name) =>
  name === "Explanation" ? 100 : name === "Changed" ? 60 : name.length <= 6 ? 12 : 16
);

export const TEAMS_HEADER = [
  "Team",
  "Targets",
  "Met",
  "Missed",
  "Pending",
  "Review",
  "Score",
  "Eligible",
  "Reward",
] as const;

export const ISSUES_HEADER = ["Severity", "Sheet", "Cell", "Message"] as const;

/** The colours of SPEC §5, shared by the writers so the sheet looks the same everywhere. */
export const STATUS_COLOURS: Record<Status | Eligibility | Pace, { fill: string; font: string }> = {
  "On track": { fill: "#C6EFCE", font: "#006100" },
  "At risk": { fill: "#FFEB9C", font: "#9C5700" },
  Met: { fill: "#C6EFCE", font: "#006100" },
  Yes: { fill: "#C6EFCE", font: "#006100" },
  Missed: { fill: "#FFC7CE", font: "#9C0006" },
  No: { fill: "#FFC7CE", font: "#9C0006" },
  Pending: { fill: "#FFEB9C", font: "#9C5700" },
  "Insufficient data": { fill: "#E7E6E6", font: "#3A3A3A" },
  Invalid: { fill: "#E7E6E6", font: "#3A3A3A" },
  Review: { fill: "#E7E6E6", font: "#3A3A3A" },
};

export const ATTAINMENT_BAR_COLOUR = "#5B9BD5";
/** The attainment data bar runs from 0 to 150%. */
export const ATTAINMENT_BAR_RANGE = [0, 1.5] as const;

/** The labels each coloured column can hold, in the order their rules are written. */
export const HIGHLIGHT_LABELS: Record<
  "status" | "eligible" | "pace",
  readonly (Status | Eligibility | Pace)[]
> = {
  status: STATUSES,
  eligible: ["Yes", "No", "Pending", "Review"],
  pace: ["On track", "At risk"],
};

const blank = (value: number | null): CellValue => value ?? null;

/** A table's data rows; an empty table keeps one blank row, as a spreadsheet table needs one. */
export function bodyRows(table: OutputTable): CellValue[][] {
  return table.rows.length > 0 ? table.rows : [table.header.map(() => null)];
}

/** A cell as a host writes it: numbers, text and booleans as they are, anything else an empty cell. */
export function writableValue(value: CellValue): string | number | boolean {
  return value === null || value === undefined || typeof value === "object" ? "" : value;
}

export function resultsTable(evaluation: Evaluation): OutputTable {
  return {
    name: "KpiResults",
    header: RESULTS_HEADER,
    formats: [
      "text",
      "text",
      "text",
      "date",
      "date",
      "number",
      "number",
      "number",
      "percent",
      "percent",
      "number",
      "text",
      "text",
      "money",
      "money",
      "text",
      "text",
      "money",
      "text",
    ],
    rows: evaluation.results.map((r) => [
      r.project,
      r.team,
      r.kpi,
      blank(r.start),
      blank(r.end),
      blank(r.baseline),
      blank(r.actual),
      blank(r.targetValue),
      blank(r.change),
      blank(r.attainment),
      blank(r.projected),
      r.pace,
      r.status,
      r.payout,
      blank(r.adjustment),
      r.explanation,
      r.previousStatus,
      blank(r.previousPayout),
      r.changed,
    ]),
    highlights: [
      { column: RESULTS_HEADER.indexOf("Attainment"), highlight: "attainment" },
      { column: RESULTS_HEADER.indexOf("Pace"), highlight: "pace" },
      { column: RESULTS_HEADER.indexOf("Status"), highlight: "status" },
      { column: RESULTS_HEADER.indexOf("Previous status"), highlight: "status" },
    ],
  };
}

export function teamsTable(evaluation: Evaluation): OutputTable {
  return {
    name: "KpiTeams",
    header: TEAMS_HEADER,
    formats: ["text", "count", "count", "count", "count", "count", "percent", "text", "money"],
    rows: evaluation.teams.map((t) => [
      t.team,
      t.targets,
      t.met,
      t.missed,
      t.pending,
      t.review,
      blank(t.score),
      t.eligible,
      t.reward,
    ]),
    highlights: [{ column: 7, highlight: "eligible" }],
  };
}

export function issuesTable(evaluation: Evaluation): OutputTable {
  return {
    name: "KpiIssues",
    header: ISSUES_HEADER,
    formats: ["text", "text", "text", "text"],
    rows: evaluation.issues.map((i) => [i.severity, i.sheet, i.cell, i.message]),
    highlights: [],
  };
}

/** Counts for the header line and the pane's summary. */
export function statusCounts(evaluation: Evaluation): Record<Status, number> & { review: number } {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const result of evaluation.results) counts[result.status]++;
  return { ...counts, review: evaluation.results.filter((r) => needsReview(r.status)).length };
}

/**
 * Why a team can be paid and still not be eligible: the two columns answer different questions. Two
 * lines, each short enough to stay within the printed width.
 */
export const REWARD_NOTE = [
  "Reward adds up what each target pays on its own, so a team that missed one target is still paid for the others.",
  "Eligible says whether the team met all of its targets: Yes, No (one was missed), Pending or Review (not decided yet).",
] as const;

/** Explanations wrap at their column's width. */
const EXPLANATION_COLUMN = RESULTS_HEADER.indexOf("Explanation");
export const EXPLANATION_WIDTH = SHEET_COLUMN_WIDTHS[EXPLANATION_COLUMN];

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

/** Lines of text a wrapped cell needs at `width` characters, breaking between words as Excel does. */
export function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used > 0 && used + 1 + length > width) {
      lines++;
      used = 0;
    }
    if (used === 0 && length > width) {
      lines += Math.ceil(length / width) - 1;
      used = length % width || width;
    } else used += (used > 0 ? 1 : 0) + length;
  }
  return lines;
}

/**
 * The sheet's layout: title and header line; the summary a manager reads first; a note on Reward and
 * Eligible; the teams with their totals; the targets; the issues. Tables sit two rows apart.
 */
export function resultsSheet(evaluation: Evaluation, evaluatedAt: string): ResultsSheet {
  const counts = statusCounts(evaluation);
  const facts = resultsSummary(evaluation);
  const asOf = formatDay(evaluation.asOf);
  const summary =
    `As of ${asOf} · evaluated ${evaluatedAt} · ${evaluation.results.length} targets: ` +
    `${counts.Met} met, ${counts.Missed} missed, ${counts.Pending} pending, ${counts.review} to review · ` +
    `${evaluation.teams.length} teams · ${evaluation.issues.length} issues`;
  const label = (row: number, text: string, value: number, format: ColumnFormat): SheetLine => ({
    row,
    values: [text, value],
    formats: ["text", format],
    emphasis: "label",
  });
  const lines: SheetLine[] = [
    { row: 0, values: ["KPI Rewards"], formats: ["text"], emphasis: "title" },
    { row: 1, values: [summary], formats: ["text"], emphasis: "plain" },
    label(3, "As of", facts.asOf, "date"),
    label(4, "Teams eligible", facts.eligible, "count"),
    label(5, "Teams not eligible", facts.notEligible, "count"),
    label(6, "Teams pending", facts.pending, "count"),
    label(7, "Teams to review", facts.review, "count"),
    label(8, "Total reward", facts.totalReward, "money"),
    label(9, "Issues", facts.issues, "count"),
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
  return {
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
    print: {
      title: `KPI Rewards as of ${asOf}`,
      orientation: "landscape",
      pagesWide: 1,
      repeatRows: [0, 1],
    },
  };
}
