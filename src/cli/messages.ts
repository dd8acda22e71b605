/**
 * What the kpi-rewards command tells the user, worded once with its parameters
 * (test/cli/messages.test.ts). An error is one line, `kpi-rewards: <file>: <message>`: the messages
 * about a file are written to follow its name (`is not an .xlsx workbook`). The help text is its own
 * catalogue (help.ts); the engine's and the sheet room's texts are theirs.
 */
import type { PortfolioSummary } from "../sheet";

/** The one line an error is printed as; `about` is the file it concerns, when there is one. */
export function errorLine(about: string, message: string): string {
  return `kpi-rewards: ${about ? `${about}: ` : ""}${message}`;
}

/** An error nothing here expected: Node's code, when it has one, and the first line of its message. */
export function unexpected(code: string | undefined, message: string): string {
  return `${code ? `${code}: ` : ""}${message.split("\n")[0]}`;
}

// The command line.

export function unknownCommand(command: string | undefined): string {
  return command ? `unknown command "${command}"` : "a command is needed";
}

export function unknownOption(option: string, command: string): string {
  return `unknown option ${option} for ${command}`;
}

export function optionTakesNoValue(option: string): string {
  return `${option} takes no value`;
}

/** `value` names the option's argument as the help shows it: `YYYY-MM-DD`. */
export function optionNeedsValue(option: string, value: string): string {
  return `${option} needs a value (${value})`;
}

export function needsWorkbook(command: string): string {
  return `${command} needs a workbook`;
}

export function notAnAsOfDate(text: string): string {
  return `--as-of "${text}" is not a date; write it as YYYY-MM-DD`;
}

export function notAJobCount(text: string): string {
  return `--jobs "${text}" is not a number of workbooks from 1 to 9999`;
}

export function portfolioNotXlsx(file: string): string {
  return `--portfolio ${file}: name an .xlsx file`;
}

export const OUT_WITH_IN_PLACE = "--out and --in-place cannot be used together";

export function outNotAWorkbook(file: string): string {
  return `--out ${file}: name an .xlsx file (or .xlsm for a macro-enabled workbook)`;
}

export const OUT_WITH_PORTFOLIO =
  "--out names one workbook; with several, each is written beside its input as <name>-rewards.xlsx (or use --in-place)";

export const SAMPLE_NEEDS_ONE_FILE =
  "sample needs one file name, e.g. kpi-rewards sample demo.xlsx";

export function sampleNotXlsx(file: string): string {
  return `sample writes an .xlsx file; got ${file}`;
}

export function oneWorkbookAtATime(first: string, second: string): string {
  return `one workbook at a time; got ${first} and ${second}`;
}

export const APPROVE_NEEDS_BY = "approve needs --by NAME: who approves the run";

export function notARunNumber(text: string): string {
  return `--run "${text}" is not a run number; write it as 1, 2, 3…`;
}

// What a command prints when it is done.

export function wrote(file: string): string {
  return `Wrote ${file}`;
}

export function wroteSample(file: string): string {
  return `Wrote the sample workbook ${file}`;
}

export function versionLine(version: string): string {
  return `kpi-rewards ${version}`;
}

/** The text report's first line. */
export function reportTitle(file: string, asOf: string): string {
  return `KPI Rewards — ${file}, as of ${asOf}`;
}

export function totalRewardLine(amount: string): string {
  return `Total reward: ${amount}`;
}

export function issuesLine(issues: number, errors: number): string {
  return `Issues: ${issues} (${errors} errors, ${issues - errors} warnings)`;
}

// A portfolio: several workbooks or a folder of them (SPEC §8).

/** The line under the workbooks' summaries; `totalReward` already formatted as money. */
export function portfolioTotalLine(s: PortfolioSummary, totalReward: string): string {
  return (
    `Portfolio: ${s.workbooks} workbooks, ${s.evaluated} evaluated, ${s.failed} failed; ` +
    `${s.teams} teams (${s.eligible} eligible, ${s.notEligible} not eligible, ${s.pending} pending, ${s.review} to review); ` +
    `${s.targets} targets; total reward ${totalReward}; ${s.issues} issues`
  );
}

export const NO_WORKBOOK_IN_FOLDER =
  "holds no workbook to evaluate (.xlsx or .xlsm files other than *-rewards outputs)";
export const PORTFOLIO_IS_AN_INPUT =
  "is one of the workbooks being evaluated; name another file for --portfolio";

export function outputIsAnInput(file: string): string {
  return `is one of the workbooks being evaluated and the output of ${file}; evaluate them in separate runs`;
}

/** A worker that stopped holding a workbook; `cause` is what the dying process said, when it said it. */
export function workerStopped(
  code: number | null,
  signal: string | null,
  cause: string | undefined
): string {
  const how = signal
    ? `was stopped by ${signal}${signal === "SIGKILL" && !cause ? " (out of memory, or killed)" : ""}`
    : `stopped with exit code ${code}`;
  return `its evaluation ${how}${cause ? ` (${cause})` : ""}; nothing was written for it`;
}

export function workerFailed(why: string): string {
  return `its worker failed (${why.split("\n")[0]})`;
}

// Approving a run (after the workbook's name).

/** `sheet` is the history sheet's name, `KPI History`. */
export function historyNotEditable(sheet: string, why: string): string {
  return `its ${sheet} sheet cannot be edited: ${why}`;
}

export function missingHistoryPart(part: string, sheet: string): string {
  return `is missing the part ${part} of its ${sheet} sheet`;
}

export function foreignHistory(sheet: string): string {
  return `has a sheet named "${sheet}" that kpi-rewards did not create, so it holds no runs to approve; nothing was written`;
}

export function noRunToApprove(run: number): string {
  return `has no run ${run} to approve`;
}

// The input file (after its name).

export const NO_SUCH_FILE = "no such file";
export const INPUT_IS_FOLDER = "is a folder, not a workbook";
export const INPUT_EMPTY = "is empty, not a workbook";
export const OLD_XLS =
  "is an old .xls (or encrypted) workbook; save it as .xlsx in Excel and try again";
export const NOT_XLSX = "is not an .xlsx workbook";

export function cannotOpen(why: string): string {
  return `cannot be opened (${why})`;
}

/** The package reader's own message (PackageError) follows a colon; anything else, in brackets. */
export function unreadableWorkbook(why: string, ours: boolean): string {
  return ours ? `cannot be read as a workbook: ${why}` : `cannot be read as a workbook (${why})`;
}

// The output file (after its name).

export function outputUncheckable(code: string | undefined): string {
  return `cannot be checked (${code})`;
}

export function noSuchFolder(folder: string): string {
  return `the folder ${folder} does not exist; create it first — kpi-rewards does not create folders`;
}

export function notAFolder(folder: string): string {
  return `${folder} is not a folder`;
}

export const DANGLING_LINK = "is a link to a file that does not exist; nothing was written";
export const OUTPUT_IS_FOLDER = "is a folder, not a workbook file";
export const NOT_A_REGULAR_FILE = "is not a regular file; nothing was written";

export function isTheInput(throughLink: boolean): string {
  return `is the input workbook itself${throughLink ? " (through a link)" : ""}; use --in-place to write the results into it`;
}

export const ALREADY_EXISTS = "already exists; pass --force to replace it";
export const READ_ONLY = "is read-only; make it writable to replace it — nothing was written";

// The workbook package as the writer opens it (after the file's name).

export function partUnreadable(part: string, why: string): string {
  return `its part ${part} cannot be read (${why})`;
}

export function missingPart(part: string): string {
  return `is missing its part ${part}; the file is damaged — save it again`;
}

export function unsoundPart(part: string, why?: string): string {
  return `its part ${part} is not sound XML${why === undefined ? "" : ` (${why})`}`;
}

export function unsoundTablePart(part: string, why: string): string {
  return `its table part ${part} is not sound XML (${why})`;
}

export function sheetWithoutPart(sheet: string, relationship: string): string {
  return `its sheet "${sheet}" points at no part (relationship ${relationship || "missing"}); the file is damaged — save it again`;
}

export function missingSheetPart(part: string, sheet: string): string {
  return `is missing the part ${part} of its sheet "${sheet}"; the file is damaged — save it again`;
}

export function foreignSheet(sheet: string): string {
  return `has a sheet named "${sheet}" that kpi-rewards did not create; rename or delete it — nothing was written`;
}

export function cannotWriteAs(extension: string): string {
  return `cannot be written as ${extension || "a file without extension"}`;
}

export function macrosNeedXlsm(extension: string): string {
  return `is a macro-enabled workbook: write it to an .xlsm file (--out NAME.xlsm); an ${extension} file cannot hold its macros`;
}

// XML the writer parses (after the part's name).

export const DOCTYPE_REFUSED = "holds a DOCTYPE, which a workbook part never has";

export function xmlInvalid(why: string, line: number): string {
  return `${why} (line ${line})`;
}

export function noRootElement(name: string): string {
  return `has no <${name}> root element`;
}

export function elementNotClosed(name: string): string {
  return `an element <${name}> is not closed`;
}

export const TAG_NOT_CLOSED = "a tag is not closed";
export const NO_SHEET_DATA = "the sheet has no sheetData";
export const SHEET_DATA_NOT_CLOSED = "the sheet's sheetData is not closed";

// The package as the reader (src/cli/ooxml) reads it (after the file's name).

export const NO_CENTRAL_DIRECTORY =
  "it has no zip central directory (the file is cut short or is not a complete .xlsx)";
export const DAMAGED_CENTRAL_DIRECTORY = "its zip central directory is damaged";
export const DAMAGED_ZIP64_DIRECTORY = "its zip64 directory is damaged";

export function partMissing(part: string): string {
  return `the part ${part} is missing from the package`;
}

export function partEncrypted(part: string): string {
  return `the part ${part} is encrypted`;
}

/** `limit` as formatBytes shows it: `256 MB`. */
export function partTooLarge(part: string, limit: string): string {
  return `the part ${part} unpacks to more than ${limit}, the most this tool reads (a zip bomb or a damaged file)`;
}

export function packageTooLarge(limit: string): string {
  return `the package unpacks to more than ${limit}, the most this tool reads (a zip bomb or a damaged file)`;
}

export function tooManyCells(limit: number): string {
  return `it holds more than ${limit.toLocaleString("en-US")} cells, the most this tool reads (a zip bomb or a damaged file)`;
}

export function compressionMethod(part: string, method: number): string {
  return `the part ${part} uses zip compression method ${method}`;
}

export function partDamaged(part: string, why: string): string {
  return `the part ${part} is damaged (${why})`;
}

export function partCutShort(part: string): string {
  return `the part ${part} is cut short (the file is incomplete)`;
}

export function notWellFormed(part: string, why: string): string {
  return `the part ${part} is not well-formed XML: ${why}`;
}

export const XML_ENDS_IN_TAG = "it ends in the middle of a tag";
export const NO_XML = "it holds no XML";
export const DOCTYPE_DECLARED =
  "it declares a DOCTYPE, which workbooks never do (entities are refused)";
export const MARKUP_DECLARATION = "it holds a markup declaration";
export const TOKEN_TOO_LONG = "one of its tags or texts is too long to be real";
export const UNNAMED_TAG = "it holds an unnamed tag";
export const TWO_ROOTS = "it holds more than one root element";
export const TEXT_OUTSIDE_ROOT = "it holds text outside its root element";

/** `open` is the element still open, undefined when none is. */
export function wrongEndTag(element: string, open: string | undefined): string {
  return `</${element}> closes <${open ?? "nothing"}>`;
}

export function xmlEndsEarly(element: string): string {
  return `it ends before </${element}>`;
}

export function endTagHoldsMore(element: string): string {
  return `the end tag </${element}> holds more than a name`;
}

export function straySlash(element: string): string {
  return `the tag <${element}> holds a stray "/"`;
}

export function attributeWithoutValue(element: string): string {
  return `the attribute in <${element}> has no value`;
}

export function attributeNotQuoted(attribute: string, element: string): string {
  return `the attribute ${attribute} in <${element}> is not quoted`;
}

export function attributeNotClosed(attribute: string, element: string): string {
  return `the attribute ${attribute} in <${element}> is not closed`;
}

export function bareAmpersand(text: string): string {
  return `it holds a bare "&" (${text})`;
}

export function badCharacterReference(entity: string): string {
  return `it holds a bad character reference &${entity};`;
}

export function undeclaredEntity(entity: string): string {
  return `it refers to the undeclared entity &${entity}; (entities are refused)`;
}

export function workbookPartMissing(part: string | undefined): string {
  return part === undefined
    ? "it holds no workbook part (is it an .xlsx workbook?)"
    : `its workbook part ${part} is missing from the package`;
}

export function sheetRelationshipMissing(
  sheet: string,
  part: string,
  id: string,
  relationships: string
): string {
  return `the sheet "${sheet}" in ${part} points at relationship "${id}", which ${relationships} does not hold`;
}

export function listedSheetMissing(sheet: string, workbookPart: string, part: string): string {
  return `the sheet "${sheet}" is listed in ${workbookPart} but its part ${part} is missing from the package`;
}

export function missingSharedString(
  part: string,
  sheet: string,
  cell: string,
  index: string
): string {
  return `the part ${part} (sheet "${sheet}") points cell ${cell} at shared string ${index}, which the package does not hold`;
}

export function notACellAddress(part: string, address: string): string {
  return `the part ${part} has a cell at "${address}", not an address`;
}

// Issues the reader reports while the rest of the workbook stays readable.

const RESAVE = "re-save the workbook in Excel";
const RECALCULATE = "open and save the workbook in Excel or LibreOffice, then run again";

export function tableWithoutDefinition(sheet: string, part: string | undefined): string {
  return `${sheet}: a table on this sheet has no definition in the package (${part ?? "no relationship"}), so it is not read — ${RESAVE}`;
}

/** `why` is the reader's message about the table's part. */
export function unreadableTable(sheet: string, why: string): string {
  return `${sheet}: ${why}, so that table is not read — ${RESAVE}`;
}

export function emptyTablePart(sheet: string, part: string): string {
  return `${sheet}: ${part} holds no table definition, so that table is not read — ${RESAVE}`;
}

export function uncalculatedFormula(sheet: string, cell: string, formula: string): string {
  return `${sheet}!${cell} holds the formula =${formula} with no saved result (the program that wrote the file did not calculate it), so it is read as blank — ${RECALCULATE}`;
}

export function moreUncalculatedFormulas(sheet: string, count: number): string {
  return `${sheet}: ${count.toLocaleString("en-US")} more formula cells have no saved result and are read as blank — ${RECALCULATE}`;
}

export function tableRangeUnreadable(sheet: string, table: string, ref: string): string {
  return `${sheet}: table ${table} has the range "${ref}", which is not a range, so it is not read — ${RESAVE}`;
}

export function tableOutsideSheet(sheet: string, table: string, ref: string): string {
  return `${sheet}: table ${table} has the range ${ref}, which lies outside the sheet (XFD1048576 is its last cell), so it is not read — ${RESAVE}`;
}
