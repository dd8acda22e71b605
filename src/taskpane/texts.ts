/**
 * What the task pane shows in words, worded once with its parameters (test/taskpane/texts.test.ts):
 * headings, button labels, empty states, progress, problems and the sentences built from results.
 * The components hold layout only. Amounts and dates arrive already formatted by the sheet room
 * (formatMoney, formatDay…), so the pane says them as the results sheet does.
 */

export const PANE_TITLE = "KPI Rewards";

// Actions.

export const EVALUATE = "Evaluate";
export const CREATE_SAMPLE = "Create sample workbook";
export const CANCEL = "Cancel";
export const AS_OF = "As of";
export const ALWAYS_TODAY = "Always today";
export const USE_AS_TARGETS = "Use selection as Targets";
export const ADD_AS_OBSERVATIONS = "Add selection as observations";
export const FIND_AUTOMATICALLY = "Find tables automatically";

// What the pane is doing.

export const CREATING_SAMPLE = "Creating the sample workbook";
/** The Excel layer's first Stage (src/excel/run.ts); TypeScript refuses a comparison if they part. */
export const READING = "Reading the workbook";
export const CANCELLING = "Cancelling after this part of the workbook";

/** A stage still running, as the line under its progress bar says it. */
export function inProgress(stage: string): string {
  return `${stage}…`;
}

// Problems: a title and what happened.

export const SHEET_NOT_WRITTEN = "Results sheet not written";
export const EVALUATION_CANCELLED = "Evaluation cancelled";
export const EVALUATION_STOPPED = "Evaluation stopped";
export const SETTINGS_NOT_SAVED = "Settings not saved";
export const SAMPLE_NOT_CREATED = "Sample not created";
export const SELECTION_NOT_USED = "Selection not used";
export const RUN_NOT_APPROVED = "Run not approved";
export const CELL_NOT_SELECTED = "Cell not selected";

/** The message of whatever was thrown. */
export function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function cancelledNote(message: string): string {
  return `${message} Previous results are unchanged.`;
}

export function stoppedNote(message: string): string {
  return `${message} Your workbook and previous results are unchanged.`;
}

// Results that no longer match the workbook.

export const STALE_TITLE = "Results out of date";
export const STALE_AS_OF = "the as-of date changed";
export const STALE_TABLES = "the chosen tables changed";
export const STALE_WORKBOOK = "the workbook changed";
export const STALE_FAILED = "the last evaluation did not finish";

/** `reasons` from the STALE_ texts above. */
export function staleNote(reasons: readonly string[]): string {
  return `Since they were computed, ${reasons.join(", ")}. Evaluate again to update them.`;
}

// Tables found.

export function tablesHeading(picked: boolean): string {
  return picked ? "Tables picked from the selection" : "Tables found";
}

export const LOOKING_FOR_TABLES = "Looking for tables…";
export const NO_TABLES = "No Targets or observation tables in this workbook yet.";
export const TABLE_HELP =
  "A Targets table needs a header row with Project, KPI, Start, Window (or End) and Target. " +
  "Observations need Project, KPI, Date and Value, or a Date column and one column per KPI.";

/** One table found: `Targets: Targets!A1:L9 (Targets) · 8 rows`. */
export function tableLine(
  kind: string,
  sheet: string,
  address: string,
  name: string | undefined,
  rows: number
): string {
  return `${kind}: ${sheet}!${address}${name ? ` (${name})` : ""} · ${rows} rows`;
}

// The summary.

export const SUMMARY = "Summary";
export const TOTAL_REWARD = "Total reward";
export const ISSUES = "Issues";
export const NO_ISSUES = "none";
export const TEAMS_BY_VERDICT = "Teams by verdict";
export const VERDICTS = {
  eligible: "Eligible",
  notEligible: "Not eligible",
  pending: "Pending",
  review: "Review",
} as const;

/** `asOf` as formatDay shows it. */
export function summaryLine(asOf: string, targets: number, teams: number): string {
  return `As of ${asOf} · ${targets} targets · ${teams} teams`;
}

export function issuesLink(issues: number): string {
  return `${issues} ${issues === 1 ? "issue" : "issues"} — show`;
}

// Teams, targets and issues.

export const TEAMS = "Teams";
export const TARGETS = "Targets";
export const REWARD_NOTE =
  "Reward adds up what each target pays, so a team can be paid and still not be eligible: " +
  "Eligible says whether it met all of its targets.";
export const ADJUSTMENTS = "Adjustments";
export const ATTAINMENT = "Attainment";
export const NO_TREND = "No observations to draw for this target.";

export function trendToggle(open: boolean): string {
  return open ? "Hide trend" : "Show trend";
}

/** What a screen reader says of a target's row: `Checkout 2.0 Sales: Met. Select its row.` */
export function targetRowLabel(project: string, kpi: string, status: string): string {
  return `${project} ${kpi}: ${status}. Select its row.`;
}

/** `amount` as formatSignedMoney shows it. */
export function adjustmentLine(amount: string, reason: string, approvedBy?: string): string {
  return `Adjusted ${amount}: ${reason}${approvedBy ? ` (approved by ${approvedBy})` : ""}`;
}

export function issuesHeading(count: number): string {
  return `Issues (${count})`;
}

export function issuePlace(severity: "error" | "warning", sheet: string, cell: string): string {
  return `${severity === "error" ? "Error" : "Warning"} · ${sheet}!${cell}`;
}

/** An attainment bar's value in words: `112% (Met)`. */
export function attainmentValue(percent: string, status: string): string {
  return `${percent} (${status})`;
}

// The trend picture: its description (what a screen reader says) and its key.

/** `from` and `to` as formatDay shows them; none when there are no observations. */
export function trendPoints(count: number, from?: string, to?: string): string {
  if (count === 0) return "no observations in its windows";
  return `${count} observation${count === 1 ? "" : "s"} from ${from} to ${to}`;
}

/** `level` as formatAmount, `window` as formatWindow show them; no window for a fixed baseline. */
export function trendBaseline(level: string | undefined, window?: string): string {
  if (level === undefined) return "no baseline";
  return window === undefined ? `fixed baseline ${level}` : `baseline ${level} in ${window}`;
}

export function trendTarget(level: string | undefined): string {
  return level === undefined ? "no target level" : `target ${level}`;
}

export interface TrendWords {
  readonly kpi: string;
  readonly points: string;
  readonly cumulative: boolean;
  readonly baseline: string;
  readonly target: string;
  readonly evaluation: string;
  readonly asOf: string;
  /** The projected value and day, for a window still open. */
  readonly projected?: { readonly value: string; readonly day: string };
}

export function trendDescription(t: TrendWords): string {
  const line = t.cumulative ? " (running total in each window)" : "";
  const projected = t.projected ? ` Projected ${t.projected.value} by ${t.projected.day}.` : "";
  return (
    `${t.kpi}: ${t.points}${line}; ${t.baseline}; ${t.target} in ${t.evaluation}; ` +
    `as of ${t.asOf}.${projected}`
  );
}

/** The key under the picture; `asOf` only when the as-of date lies outside the windows shown. */
export function trendKey(key: {
  asOfOutside?: string;
  cumulative: boolean;
  baselineWindow: boolean;
  baselineLevel: boolean;
}): string {
  return (
    (key.asOfOutside === undefined ? "" : `As of ${key.asOfOutside}, after the windows shown. `) +
    (key.cumulative ? "Line: running total in each window. " : "") +
    `Shaded: ${key.baselineWindow ? "baseline window (grey), " : ""}evaluation window (blue). ` +
    `Dashed: ${key.baselineLevel ? "baseline level (grey), " : ""}target level (green).`
  );
}

// The run line and approval (SPEC §9).

export const RUN_HISTORY = "Run history";
export const WHAT_CHANGED = "What changed";
export const APPROVED_BY = "Approved by";
export const APPROVE = "Approve";
export const ASKS_NAME_ONCE = "Asks for your name once, then remembers it in this workbook.";
/** The Excel layer refuses a blank name with the same sentence. */
export { APPROVER_NEEDED } from "../excel/messages";

/** A target's line in What changed: its Changed sentence after its name. */
export function changeLine(project: string, kpi: string, changed: string): string {
  return `${project} · ${kpi}: ${changed}`;
}

export function nothingChanged(run: number): string {
  return `Nothing changed since run ${run}.`;
}

export function approveRunLabel(run: number): string {
  return `Approve run ${run}`;
}

export function alreadyApproved(run: number): string {
  return `Run ${run} is approved; an approved run cannot be approved again.`;
}

export function approvesAs(name: string): string {
  return `Approves as ${name}.`;
}
