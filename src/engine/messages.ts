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
