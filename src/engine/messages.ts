/**
 * The engine's wording, one function per message with its parameters, so each sentence is written
 * once and tested once (test/engine/messages.test.ts). A leaf: it imports nothing, and every wing may
 * import it. `label` names the cell or argument the message is about, as the caller shows it:
 * `Target (Targets!E7)` for a Targets cell, `target` for a formula's argument.
 */

/** How a Targets cell is named in a message: `Target (Targets!E7)`. */
export function cellLabel(column: string, sheet: string, cell: string): string {
  return `${column} (${sheet}!${cell})`;
}

// Cells.

export function blankCell(label: string, what: string): string {
  return `${label} is blank; enter ${what}`;
}

/** `described` is what the cell holds, as describeCell says it: `the text "abc"`. */
export function notADate(label: string, described: string): string {
  return `${label} holds ${described}, which is not a date; enter a date or the text YYYY-MM-DD (texts like 03/04/2024 are ambiguous and not guessed)`;
}

export function notANumber(label: string, described: string): string {
  return `${label} holds ${described}; enter a number`;
}

export function notAFraction(label: string, described: string): string {
  return `${notANumber(label, described)} such as 0.8 or 80%`;
}

/** A number outside what the column allows; `rule` says what to enter instead. */
export function outOfRange(label: string, value: number, rule: string): string {
  return `${label} is ${value}; ${rule}`;
}

// Windows.

export const WINDOW_EXAMPLE = `write it like "30 days", "2 weeks", "3 months", "1 quarter" or "1 year"`;

/**
 * A window that cannot be read, named by what was written (quoted text, or a bare number); callers put
 * the cell's or argument's label in front: `Window (Targets!D2) "a while" is not readable; …`.
 */
export function unreadableWindow(shown: string): string {
  return `${shown} is not readable; ${WINDOW_EXAMPLE}`;
}

export function fractionalWindow(days: number): string {
  return `${days} is not a whole number of days; ${WINDOW_EXAMPLE}`;
}

/** Why a negative Window cannot be a target's evaluation window. */
export function negativeWindow(label: string, text: string): string {
  return `${label} "-${text}" is negative; the evaluation window runs forward from Start — ${WINDOW_EXAMPLE}`;
}

/** `end` is the End date as shown, undefined when it could not be read. */
export function bothWindowAndEnd(end: string | undefined): string {
  return `Both Window and End are filled; End (${end ?? "unreadable"}) is used — clear one of them`;
}

export function endBeforeStart(label: string, end: string, start: string): string {
  return `${label} ${end} is before Start ${start}; correct one of them`;
}

export function noWindow(row: string): string {
  return `Window and End are both blank in row ${row}; enter a window like "3 months" or an End date`;
}

// A Targets row.

/** `missing` are the columns' names, `range` the table's address. */
export function missingColumns(range: string, missing: readonly string[]): string {
  return `The Targets table ${range} has no ${missing.join(", ")} column; add it to the header row`;
}

/** A text that is none of a column's words; `choices` lists them as the user may write them. */
export function notOneOf(label: string, text: string, what: string, choices: string): string {
  return `${label} "${text}" is not ${what}; use ${choices}`;
}

/** An Invalid row's message: its first problem, and how many more its cells have. */
export function rowProblems(errors: readonly string[]): string {
  if (errors.length === 0) return "The row cannot be read";
  if (errors.length === 1) return errors[0];
  const more = errors.length - 1;
  return `${errors[0]} (and ${more} more problem${more > 1 ? "s" : ""} in this row, see KpiIssues)`;
}

export function capBelowThreshold(label: string, cap: string, threshold: string): string {
  return `${label} ${cap} is below Threshold ${threshold}; the cap must be at least the threshold`;
}

/** Threshold and Cap do nothing once a pay curve decides the payout. */
export function ignoredForPayCurve(labels: readonly string[], curve: string): string {
  const many = labels.length > 1;
  return `${labels.join(" and ")} ${many ? "are" : "is"} ignored: the pay curve "${curve}" decides the payout — clear ${many ? "them" : "it"}`;
}

// A target's own numbers (SPEC §3).

export function blankTarget(label: string): string {
  return `${label} is blank; enter the promised movement, e.g. -20% or 0.15`;
}

export function targetNotANumber(label: string, described: string, percent: boolean): string {
  return `${notANumber(label, described)}${percent ? " such as -0.2 or the text -20%" : ""}`;
}

export function noMovement(label: string): string {
  return `${label} is 0, which promises no movement at all; enter the change you expect, or use Target type value for a level to hold`;
}

/** `shown` is the target with its percent: `-20 (−2000%)`; `t` the number as entered. */
export function fallOfAll(label: string, shown: string, t: number): string {
  const hint = t <= -2 ? `; for ${t}% write ${t / 100} or ${t}%` : "";
  return `${label} ${shown} asks for a fall of 100% or more, which cannot be measured as a percent${hint}`;
}

export function moreThanDoubling(label: string, shown: string, t: number): string {
  return `${label} ${shown} promises more than doubling; if you meant ${t}%, write ${t / 100} or ${t}%`;
}

export function directionAgainstSign(
  label: string,
  direction: string,
  target: string,
  implied: "increase" | "decrease"
): string {
  return `${label} says ${direction} but Target ${target} is ${implied === "increase" ? "an increase" : "a decrease"}; change one of them`;
}

// Pay curves (SPEC §12). Percents are shown whole, as formatWholePercent gives them: `80%`.

export function tooFewCurvePoints(curve: string, points: number): string {
  return `pay curve "${curve}" has ${points} point${points === 1 ? "" : "s"}; give it at least two rows (Attainment, Payout) in the Pay curves table`;
}

export function twoCurvePointsAt(curve: string, attainment: string): string {
  return `pay curve "${curve}" has two points at attainment ${attainment}; keep one`;
}

/** `at` and `before` are `[payout, attainment]` as shown. */
export function fallingCurve(
  curve: string,
  at: readonly [string, string],
  before: readonly [string, string]
): string {
  return `pay curve "${curve}" pays ${at[0]} at attainment ${at[1]}, less than ${before[0]} at ${before[1]}; a payout must not fall as attainment rises`;
}

export function unnamedCurvePoint(label: string): string {
  return `${label} is blank; name the curve this point belongs to`;
}

/** A point's cell that cannot be read; `problem` says why (the cell reader's message). */
export function unreadableCurvePoint(curve: string, problem: string): string {
  return `Pay curve "${curve}": ${problem}`;
}

/** What a target naming a curve with an unreadable point is told; `place` is the point's cell. */
export function brokenCurve(curve: string, place: string): string {
  return `pay curve "${curve}" has a point that cannot be read (${place}); correct it in the Pay curves table`;
}

export function unknownCurve(curve: string): string {
  return `pay curve "${curve}" is not in a Pay curves table (Curve, Attainment, Payout); add its points or correct the name`;
}

// Adjustments (SPEC §10): every rejected row says it is not applied.

const NOT_APPLIED = "the adjustment is not applied";

export function blankAmount(label: string): string {
  return `${label} is blank; enter the amount to add (negative to take back)`;
}

/** An Amount cell that is not a number; `problem` is the cell reader's message. */
export function unreadableAmount(problem: string): string {
  return `Adjustment: ${problem} — ${NOT_APPLIED}`;
}

export function noReason(place: string): string {
  return `Adjustment (${place}): no Reason; say why the amount is adjusted — ${NOT_APPLIED}`;
}

export function noSuchTarget(place: string, project: string, kpi: string): string {
  return `Adjustment (${place}): no target is ${project} / ${kpi}; check the Project and KPI against the Targets table — ${NOT_APPLIED}`;
}

export function severalTargets(
  place: string,
  count: number,
  project: string,
  kpi: string,
  first: string
): string {
  return `Adjustment (${place}): ${count} targets are ${project} / ${kpi}; the amount goes to the first (${first})`;
}

/** An adjustment for a team or project with no targets; `team` or `project` is what it names. */
export function noSuchTeam(place: string, named: { team?: string; project: string }): string {
  const why =
    named.team !== undefined
      ? `no target belongs to the team ${named.team}`
      : named.project === ""
        ? "it names no Project, KPI or Team"
        : `no target belongs to the project ${named.project}`;
  return `Adjustment (${place}): ${why}; name a KPI of a target, or a Team that has targets — ${NOT_APPLIED}`;
}

// Observations, tables, baselines and goals.

export function duplicateObservation(project: string, kpi: string, first: string): string {
  return `Duplicate observation: ${project} / ${kpi} already has a value for this date (${first}); both are kept — delete one if it was entered twice`;
}

/** A Date cell that is not a date; `problem` is the cell reader's message. */
export function skippedDate(problem: string): string {
  return `${problem}; the row is skipped`;
}

export function skippedValue(kpi: string, described: string): string {
  return `${kpi} value holds ${described}, not a number; it is skipped — enter a number or clear the cell`;
}

export function unnamedObservation(column: "Project" | "KPI"): string {
  return `${column} is blank; the observation is skipped — fill in the name`;
}

export const UNNAMED_WIDE_ROW = "Project is blank; the row is skipped — fill in the name";

export function headerlessTable(table: string, place: string): string {
  return `Table ${table} (${place}) has no header row, so it is not read — turn on its Header Row (Table Design) and name its columns`;
}

export const BASELINE_HELP =
  'enter a number, a window before Start like "90 days", or "prior year"';

export function unreadableBaseline(described: string): string {
  return `holds ${described}; ${BASELINE_HELP}`;
}

const SUGGEST_OTHER_TYPE = "use Target type change (an amount) or value (a level) instead";

export function percentOfNonPositiveBaseline(baseline: number): string {
  return `the baseline is ${baseline}; a percent change of a zero or negative baseline is undefined — ${SUGGEST_OTHER_TYPE}`;
}

export function goalEqualsBaseline(baseline: number): string {
  return `the target value equals the baseline (${baseline}), so it promises no movement — ${SUGGEST_OTHER_TYPE}`;
}

// A formula's arguments (the single-target entry reads them as a Targets row reads its cells).

/** How a formula's argument value is named: `"abc"` for text, `a blank`, else the value itself. */
export function shownArgument(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === ""))
    return "a blank";
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** `shown` as shownArgument names the value; `choices` lists the words allowed. */
export function argumentNotOneOf(name: string, shown: string, choices: string): string {
  return `${name} ${shown} is not one of ${choices}`;
}

export function seriesSizesDiffer(dates: number, values: number): string {
  return `dates and values must be the same size; dates has ${dates} cells and values ${values}`;
}

/** `cell` counts from 1 along the range. */
export function seriesCellNotADate(cell: number, shown: string): string {
  return `dates: cell ${cell} holds ${shown}, not a date`;
}

export function seriesCellNotANumber(cell: number, shown: string): string {
  return `values: cell ${cell} holds ${shown}, not a number`;
}

// Run history and approval (SPEC §9): refusals said after the workbook's name.

/** `sheet` is the history sheet's name, `KPI History`. */
export function noRecordedRuns(sheet: string): string {
  return `has no recorded runs (no ${sheet} sheet); evaluate it first`;
}

export function noSuchRun(run: number, first: number, last: number): string {
  return `has no run ${run}; its runs are ${first}–${last}`;
}

/** `on` is the approval's day as formatDay shows it, when the history holds one. */
export function alreadyApproved(run: number, by: string, on?: string): string {
  return `run ${run} was already approved by ${by}${on === undefined ? "" : ` on ${on}`}; an approved run cannot be approved again`;
}

// Formula arguments: a refusal starts with the argument it is about.

export function windowArgument(message: string): string {
  return `window ${message}`;
}

export function curveArgument(message: string): string {
  return `curve: ${message}`;
}
