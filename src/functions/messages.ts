/**
 * What the KPI.* formulas answer when they cannot give a value, worded once with its parameters
 * (test/functions/messages.test.ts). Each names the argument it is about, as the formula's help does.
 * What the engine refuses (windows, targets, series) is worded in the engine's catalogue.
 */

/** `code` is the error the cell shows: `#N/A`, `#DIV/0!`. */
export function argumentHoldsError(name: string, code: string): string {
  return `${name} holds the error ${code}; correct the cell it comes from`;
}

/** `shown` as the engine's shownArgument names the value. */
export function notADateArgument(name: string, shown: string): string {
  return `${name} must be a date (a date cell or the text YYYY-MM-DD), not ${shown}`;
}

export function notANumberArgument(name: string, shown: string): string {
  return `${name} must be a number, not ${shown}`;
}

export function notOneColumnOrRow(name: string, rows: number, columns: number): string {
  return `${name} must be one column or one row, not ${rows} rows by ${columns} columns`;
}

export function curveNotTwoColumns(columns: number): string {
  return `curve must be two columns (Attainment, Payout), not ${columns}`;
}

/** `row` names the curve's row: `curve row 3`. */
export function curveRowMissing(row: string, column: string): string {
  return `${row} has no ${column}; fill it or clear the row`;
}

/** `window` as formatWindow shows it, when there is one; `which` names the argument. */
export function noObservations(window: string | undefined, which: string): string {
  return `No observations in ${window ?? "the window"} (${which})`;
}

/** An Invalid target, with the engine's reason. */
export function invalidTarget(problem: string | undefined): string {
  return `target: ${problem ?? "it cannot be evaluated"}`;
}

export const ZERO_BASELINE = "baseline is 0, so a relative change is undefined";
export const UNDEFINED_ATTAINMENT = "attainment is undefined here (a division by zero)";
export const RANGES_NEEDED = "targets and observations must be ranges with their header rows";
export const TARGETS_HEADER_NEEDED =
  "targets must start with the Targets header row: Project, KPI, Start, Window or End, Target";
export const OBSERVATIONS_HEADER_NEEDED =
  "observations must start with a header row: Project, KPI, Date, Value (long) or Date and one column per KPI (wide)";

// KPI.PACE has an answer only while the window is open and has data.

/** `window` as formatWindow and `day` as formatDay show them. */
export function windowOver(window: string, day: string): string {
  return `The window ${window} is over on ${day}; KPI.STATUS gives its outcome`;
}

export function windowNotOpen(window: string, opens: string): string {
  return `The window ${window} opens on ${opens}`;
}

export const NO_BASELINE_OBSERVATIONS = "No observations in the baseline window (baseline)";

export function noObservationYet(window: string, day: string): string {
  return `No observation in ${window} up to ${day} yet (window)`;
}

// KPI.ELIGIBLE.

export const BLANK_TEAM = "team is blank; enter a team's name";

export function unknownTeam(team: string): string {
  return `team "${team}" has no targets in the targets range`;
}
