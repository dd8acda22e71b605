import type { CellValue } from "../engine/grid/cell";
import type { Evaluation } from "../engine/evaluate";
import type { ColumnFormat } from "./column-format";
import type { Highlight } from "./status-tones";

/** KpiFailed lists a portfolio's workbooks that could not be evaluated. */
export type OutputTableName =
  "KpiResults" | "KpiTeams" | "KpiIssues" | "KpiRuns" | "KpiRunResults" | "KpiFailed";

export interface OutputTable {
  readonly name: OutputTableName;
  readonly header: readonly string[];
  readonly formats: readonly ColumnFormat[];
  readonly rows: CellValue[][];
  /** Columns that carry conditional formats. */
  readonly highlights: readonly { column: number; highlight: Highlight }[];
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

const blank = (value: number | null): CellValue => value ?? null;

/** A table's data rows; an empty table keeps one blank row, as a spreadsheet table needs one. */
export function bodyRows(table: OutputTable): CellValue[][] {
  return table.rows.length > 0 ? table.rows : [table.header.map(() => null)];
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
