import type { CellValue } from "./cell";
import { formatDay } from "./date";
import type { Evaluation } from "./evaluate";
import type { Pace } from "./pace";
import { STATUSES, needsReview, type Status } from "./status";
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

/** The `KPI Rewards` sheet, laid out once for every writer (Office.js, xlsx). */
export interface ResultsSheet {
  readonly title: string;
  /** The header line: as-of date, time of evaluation, counts. */
  readonly summary: string;
  /** Each table with its 0-based top row; all start in column A. */
  readonly tables: readonly { table: OutputTable; top: number }[];
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
 * The sheet's layout: title and header line, then the teams (what managers read first), the targets,
 * and the issues, each table two rows below the previous one.
 */
export function resultsSheet(evaluation: Evaluation, evaluatedAt: string): ResultsSheet {
  const counts = statusCounts(evaluation);
  const summary =
    `As of ${formatDay(evaluation.asOf)} · evaluated ${evaluatedAt} · ${evaluation.results.length} targets: ` +
    `${counts.Met} met, ${counts.Missed} missed, ${counts.Pending} pending, ${counts.review} to review · ` +
    `${evaluation.teams.length} teams · ${evaluation.issues.length} issues`;
  const ordered = [teamsTable(evaluation), resultsTable(evaluation), issuesTable(evaluation)];
  let top = 3;
  const tables = ordered.map((table) => {
    const placed = { table, top };
    top += bodyRows(table).length + 1 + 2;
    return placed;
  });
  return { title: "KPI Rewards", summary, tables };
}
