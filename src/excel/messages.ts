/**
 * What the add-in's Excel layer tells the user, worded once (test/excel/messages.test.ts). `what`
 * names what was being written: `The KPI Rewards sheet`, `The sample`.
 */

/** The text of an error Excel raised, or of anything else thrown. */
export function excelSaid(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function foreignSheet(sheet: string): string {
  return `A sheet named "${sheet}" already exists and was not created by KPI Rewards, so it is left as it is. Rename or delete it, then evaluate again.`;
}

export function sampleNamesInUse(names: readonly string[]): string {
  return `The sample needs the sheet names ${names.join(", ")}, which are in use; rename those sheets or start from an empty workbook.`;
}

/** Excel failed and the run rolled back: the workbook is as it was. */
export function notWritten(what: string, error: unknown): string {
  return `${what} was not written: Excel said "${excelSaid(error)}".`;
}

/** Excel failed, and failed again while tidying up: the next run finishes the job. */
export function unfinishedWrite(what: string, error: unknown, again: unknown): string {
  return `${what} stopped part-way (Excel said "${excelSaid(error)}") and could not be tidied up ("${excelSaid(again)}"). Run it again: the next run removes what was left and writes it afresh.`;
}

export function emptySelection(address: string): string {
  return `The selection ${address} is empty. Select a table: its header row and the rows under it.`;
}

export function headerOnlySelection(address: string): string {
  return `The selection ${address} has a header row but no data under it. Select the header row and the rows under it.`;
}

// Approving a run from the pane (SPEC §9).

export const APPROVER_NEEDED = "Enter the name of the person approving the run.";

/** `sheet` is the history sheet's name, `KPI History`. */
export function noHistorySheet(sheet: string): string {
  return `This workbook has no ${sheet} sheet: evaluate it first, then approve the run.`;
}

export function foreignHistory(sheet: string): string {
  return `The ${sheet} sheet was not written by KPI Rewards (or lost its KpiRuns table), so no run is approved there.`;
}

/**
 * The engine's refusal (worded to follow a workbook's name, as the CLI prints it) as a sentence of
 * its own: "This workbook has no run 5…", "Run 3 was already…".
 */
export function approvalRefused(engineMessage: string): string {
  const sentence = engineMessage.startsWith("has ")
    ? `This workbook ${engineMessage}`
    : engineMessage[0].toUpperCase() + engineMessage.slice(1);
  return `${sentence}.`;
}

// Evaluating from the pane.

/**
 * What the pane says once, near Evaluate: the swap that keeps the previous results through a failure
 * deletes and renames sheets, which Excel cannot undo (on Windows and Mac it clears the undo history).
 */
export const UNDO_NOTE =
  "Evaluate replaces the KPI Rewards sheet and cannot be undone with Ctrl+Z; if it fails, the previous results stay.";

export const READ_CANCELLED = "Reading was cancelled before it finished. Nothing was written.";

/** How far a chunked read has got: `Reading rows 200,001–400,000 of 1,048,575`. */
export function readingRows(first: number, last: number, total: number): string {
  const n = (value: number) => value.toLocaleString("en-US");
  return `Reading rows ${n(first)}–${n(last)} of ${n(total)}`;
}
