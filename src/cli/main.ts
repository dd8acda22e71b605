import { readFileSync } from "fs";
import path from "path";
import {
  evaluateWorkbook,
  type Evaluation,
  localTimeSerial,
  parseIsoDate,
  recordedRun,
  todaySerial,
} from "../engine";
import {
  formatTimestamp,
  missingTableMessage,
  overlongTextIssues,
  RESULTS_SHEET,
  resultsSheet,
} from "../sheet";
import { ApprovalError, approveWorkbook } from "./approve";
import {
  recordedHistoryPart,
  skippedSheets,
  storedHistory,
  workbookHistory,
} from "./workbook-history";
import { commandHelp, commandUsage, generalHelp, OPTIONS, USAGE, type Command } from "./help";
import * as M from "./messages";
import { OutputError, planOutput, type OutputPlan } from "./output-file";
import { evaluatePortfolio } from "./portfolio";
import { namesPortfolio } from "./portfolio-selection";
import { jsonReport, textReport } from "./report";
import { MacroWorkbookError, openPackage, PackageError, WORKBOOK_CONTENT } from "./xlsx-package";
import { InputError, readInput, readXlsx } from "./xlsx-read";
import { ForeignSheetError, writeResultsWorkbook, writeSampleWorkbook } from "./xlsx-write";

export { USAGE };

class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command
  ) {
    super(message);
  }
}

/** Asked for help: printed on stdout, exit 0. */
class HelpRequest {
  constructor(readonly command?: Command) {}
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  colour: boolean;
  now: () => Date;
  /** Writes over the progress line; present only when stderr is a terminal. */
  progress?: (text: string) => void;
  /** Told of each evaluation that ran: a portfolio collects them for its workbook and total. */
  evaluated?: (evaluation: Evaluation) => void;
}

interface Parsed {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
}

/** Splits a command's arguments by its option table: `--as-of 2024-09-30` and `--as-of=2024-09-30` alike. */
function parseOptions(command: Command, args: readonly string[]): Parsed {
  const parsed: Parsed = { positional: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") throw new HelpRequest(command);
    if (arg === "--") {
      parsed.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      parsed.positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    const option = OPTIONS[command].find((o) => o.name === name);
    if (!option) throw new UsageError(M.unknownOption(name, command), command);
    if (option.value === undefined) {
      if (equals >= 0) throw new UsageError(M.optionTakesNoValue(name), command);
      parsed.flags.add(name);
      continue;
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : args[++i];
    if (value === undefined || value === "")
      throw new UsageError(M.optionNeedsValue(name, option.value), command);
    parsed.values.set(name, value);
  }
  return parsed;
}

export interface EvaluateArgs {
  file: string;
  /** Every workbook or folder named; `file` is the first. */
  files: string[];
  /** Workbooks evaluated at the same time in a portfolio. */
  jobs?: number;
  /** The portfolio workbook to write. */
  portfolio?: string;
  asOf?: number;
  out?: string;
  inPlace: boolean;
  json: boolean;
  force: boolean;
}

function evaluateArgs(args: readonly string[]): EvaluateArgs {
  const parsed = parseOptions("evaluate", args);
  const [file] = parsed.positional;
  if (!file) throw new UsageError(M.needsWorkbook("evaluate"), "evaluate");
  const result: EvaluateArgs = {
    file,
    files: parsed.positional,
    portfolio: parsed.values.get("--portfolio"),
    out: parsed.values.get("--out"),
    inPlace: parsed.flags.has("--in-place"),
    json: parsed.flags.has("--json"),
    force: parsed.flags.has("--force"),
  };
  const asOf = parsed.values.get("--as-of");
  if (asOf !== undefined) {
    result.asOf = parseIsoDate(asOf);
    if (result.asOf === undefined) throw new UsageError(M.notAnAsOfDate(asOf), "evaluate");
  }
  const jobs = parsed.values.get("--jobs");
  if (jobs !== undefined) {
    result.jobs = /^[1-9]\d{0,3}$/.test(jobs) ? Number(jobs) : undefined;
    if (result.jobs === undefined) throw new UsageError(M.notAJobCount(jobs), "evaluate");
  }
  if (result.portfolio !== undefined && path.extname(result.portfolio).toLowerCase() !== ".xlsx")
    throw new UsageError(M.portfolioNotXlsx(result.portfolio), "evaluate");
  if (result.out !== undefined && result.inPlace)
    throw new UsageError(M.OUT_WITH_IN_PLACE, "evaluate");
  if (result.out !== undefined && !(path.extname(result.out).toLowerCase() in WORKBOOK_CONTENT))
    throw new UsageError(M.outNotAWorkbook(result.out), "evaluate");
  return result;
}

/** `<name>-rewards.xlsx` beside the input, keeping an .xlsm's extension. */
export function defaultOutput(file: string): string {
  const ext = path.extname(file);
  const kept = ext.toLowerCase() in WORKBOOK_CONTENT ? ext : ".xlsx";
  return path.join(path.dirname(file), `${path.basename(file, ext)}-rewards${kept}`);
}

/**
 * The evaluation with a warning for each text too long for its cell on the results sheet, and the
 * sheet laid out from it (the warnings land in KpiIssues, below every cell they name).
 */
function sheetOf(evaluation: Evaluation, stamp: string, date1904: boolean) {
  const first = resultsSheet(evaluation, stamp, date1904);
  const cut = overlongTextIssues(first, RESULTS_SHEET);
  if (cut.length === 0) return { evaluation, sheet: first };
  const noted = { ...evaluation, issues: [...evaluation.issues, ...cut] };
  return { evaluation: noted, sheet: resultsSheet(noted, stamp, date1904) };
}

async function evaluate(args: EvaluateArgs, io: Io): Promise<number> {
  const bytes = await readInput(args.file);
  const output = args.inPlace
    ? args.file
    : (args.out ?? (args.json ? undefined : defaultOutput(args.file)));
  // The output is checked before any work, so a refusal is immediate and nothing is half done.
  const plan: OutputPlan | undefined = output
    ? await planOutput(output, { input: args.file, inPlace: args.inPlace, force: args.force })
    : undefined;
  const pkg = await openPackage(bytes);
  const asOf = args.asOf ?? todaySerial(io.now());
  const stored = await storedHistory(pkg);
  const workbook = await readXlsx(bytes, skippedSheets(stored));
  const history = await workbookHistory(stored, workbook, asOf);
  // Compared with the history whenever there is one; a run is planned only when one will be written.
  let evaluation: Evaluation = evaluateWorkbook(workbook, {
    asOf,
    history: plan || history.runs.length > 0 ? history : undefined,
  });
  const missing = missingTableMessage(evaluation.tables);
  if (missing) throw new InputError(missing);
  if (plan) {
    const now = io.now();
    const laid = sheetOf(evaluation, formatTimestamp(now), workbook.date1904 ?? false);
    evaluation = laid.evaluation;
    const recorded = recordedRun(history, evaluation, localTimeSerial(now));
    await writeResultsWorkbook(
      pkg,
      plan,
      laid.sheet,
      await recordedHistoryPart(stored, history, recorded, workbook)
    );
  }
  io.evaluated?.(evaluation);
  if (args.json) io.out(jsonReport(evaluation));
  else
    io.out(
      `${textReport(evaluation, args.file, io.colour)}${plan ? `\n${M.wrote(plan.path)}` : ""}`
    );
  return 0;
}

async function sample(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions("sample", args);
  if (parsed.positional.length !== 1) throw new UsageError(M.SAMPLE_NEEDS_ONE_FILE, "sample");
  const file = parsed.positional[0];
  if (path.extname(file).toLowerCase() !== ".xlsx")
    throw new UsageError(M.sampleNotXlsx(file), "sample");
  const plan = await planOutput(file, { force: parsed.flags.has("--force") });
  await writeSampleWorkbook(plan);
  io.out(M.wroteSample(file));
  return 0;
}

async function approveCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions("approve", args);
  const [file, ...more] = parsed.positional;
  if (!file) throw new UsageError(M.needsWorkbook("approve"), "approve");
  if (more.length) throw new UsageError(M.oneWorkbookAtATime(file, more[0]), "approve");
  const by = parsed.values.get("--by")?.trim();
  if (!by) throw new UsageError(M.APPROVE_NEEDS_BY, "approve");
  const runText = parsed.values.get("--run");
  const run = runText === undefined ? undefined : Number(runText);
  if (run !== undefined && !(Number.isInteger(run) && run > 0))
    throw new UsageError(M.notARunNumber(runText!), "approve");
  const bytes = await readInput(file);
  const plan = await planOutput(file, { input: file, inPlace: true });
  io.out(await approveWorkbook(plan, bytes, by, run, io.now()));
  return 0;
}

/** The version in package.json, beside src/ and build/ alike. */
export function version(): string {
  const manifest = path.join(__dirname, "..", "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Runs the command line; returns the exit status. Errors are one line naming the file, never a stack. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  // The file the error is about, for the one-line message.
  let file = "";
  try {
    if (command === "evaluate") {
      const args = evaluateArgs(rest);
      if (await namesPortfolio(args.files, args.portfolio)) {
        if (args.out !== undefined) throw new UsageError(M.OUT_WITH_PORTFOLIO, "evaluate");
        // A failure outside any one workbook's run is about the portfolio workbook.
        file = args.portfolio ?? args.file;
        return await evaluatePortfolio(args, io, main, defaultOutput);
      }
      file = args.file;
      return await evaluate(args, io);
    }
    if (command === "sample") {
      file = rest.find((a) => !a.startsWith("-")) ?? "";
      return await sample(rest, io);
    }
    if (command === "approve") {
      file =
        rest.find((a, i) => !a.startsWith("-") && !["--by", "--run"].includes(rest[i - 1])) ?? "";
      return await approveCommand(rest, io);
    }
    if (command === "--help" || command === "-h" || command === "help") {
      const topic = rest[0];
      throw new HelpRequest(
        topic === "evaluate" || topic === "sample" || topic === "approve" ? topic : undefined
      );
    }
    if (command === "--version" || command === "-V") {
      io.out(M.versionLine(version()));
      return 0;
    }
    throw new UsageError(M.unknownCommand(command));
  } catch (error) {
    if (error instanceof HelpRequest) {
      io.out(error.command ? commandHelp(error.command) : generalHelp());
      return 0;
    }
    if (error instanceof UsageError) {
      io.err(
        `${M.errorLine("", error.message)}\n${error.command ? commandUsage(error.command) : USAGE}`
      );
      return 2;
    }
    if (error instanceof OutputError) {
      io.err(M.errorLine(error.file, error.message));
      return 2;
    }
    if (
      error instanceof ApprovalError ||
      error instanceof InputError ||
      error instanceof PackageError ||
      error instanceof MacroWorkbookError
    ) {
      io.err(M.errorLine(file, error.message));
      return 2;
    }
    if (error instanceof ForeignSheetError) {
      io.err(M.errorLine(file, error.message));
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    io.err(M.errorLine(file || "error", M.unexpected(code, (error as Error).message)));
    return 1;
  }
}

/** Entry point of bin/kpi-rewards.js. */
export function run(): void {
  main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    now: () => new Date(),
    progress: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  }).then((status) => (process.exitCode = status));
}
