import path from "path";
import {
  evaluateWorkbook,
  formatTimestamp,
  missingTable,
  parseIsoDate,
  resultsSheet,
  todaySerial,
  type Evaluation,
} from "../engine";
import { jsonReport, textReport } from "./report";
import { InputError, readInput, readXlsx } from "./xlsx-read";
import { ForeignSheetError, writeResultsWorkbook, writeSampleWorkbook } from "./xlsx-write";

export const USAGE = `Usage:
  kpi-rewards evaluate <workbook.xlsx> [--as-of YYYY-MM-DD] [--out FILE.xlsx | --in-place] [--json]
  kpi-rewards sample <FILE.xlsx>`;

class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  colour: boolean;
  now: () => Date;
}

interface EvaluateArgs {
  file: string;
  asOf?: number;
  out?: string;
  inPlace: boolean;
  json: boolean;
}

function parseEvaluate(args: string[]): EvaluateArgs {
  const parsed: EvaluateArgs = { file: "", inPlace: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === "--as-of") {
      const text = value();
      parsed.asOf = parseIsoDate(text);
      if (parsed.asOf === undefined)
        throw new UsageError(`--as-of "${text}" is not a date; write it as YYYY-MM-DD`);
    } else if (arg === "--out") parsed.out = value();
    else if (arg === "--in-place") parsed.inPlace = true;
    else if (arg === "--json") parsed.json = true;
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else if (parsed.file)
      throw new UsageError(`one workbook at a time; got ${parsed.file} and ${arg}`);
    else parsed.file = arg;
  }
  if (!parsed.file) throw new UsageError("evaluate needs a workbook");
  if (parsed.out && parsed.inPlace)
    throw new UsageError("--out and --in-place cannot be used together");
  return parsed;
}

function defaultOutput(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}-rewards${ext || ".xlsx"}`);
}

async function evaluate(args: EvaluateArgs, io: Io): Promise<number> {
  const bytes = await readInput(args.file);
  const workbook = await readXlsx(bytes);
  const evaluation: Evaluation = evaluateWorkbook(workbook, {
    asOf: args.asOf ?? todaySerial(io.now()),
  });
  const missing = missingTable(evaluation.tables);
  if (missing === "targets") {
    throw new InputError(
      "holds no Targets table (a header row with Project, KPI, Start, Window or End, Target)"
    );
  }
  if (missing === "observations") {
    throw new InputError(
      "holds no Observations table (Project, KPI, Date, Value; or Date and one column per KPI)"
    );
  }
  const output = args.inPlace
    ? args.file
    : (args.out ?? (args.json ? undefined : defaultOutput(args.file)));
  if (output)
    await writeResultsWorkbook(bytes, output, resultsSheet(evaluation, formatTimestamp(io.now())));
  if (args.json) io.out(jsonReport(evaluation));
  else
    io.out(`${textReport(evaluation, args.file, io.colour)}${output ? `\nWrote ${output}` : ""}`);
  return 0;
}

/** Runs the command line; returns the exit status. Errors are one line naming the file, never a stack. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  let file = "";
  try {
    if (command === "evaluate") {
      const args = parseEvaluate(rest);
      file = args.file;
      return await evaluate(args, io);
    }
    if (command === "sample") {
      if (rest.length !== 1 || rest[0].startsWith("-"))
        throw new UsageError("sample needs one file name, e.g. kpi-rewards sample demo.xlsx");
      file = rest[0];
      await writeSampleWorkbook(file);
      io.out(`Wrote the sample workbook ${file}`);
      return 0;
    }
    if (command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : "a command is needed");
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kpi-rewards: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`kpi-rewards: ${file}: ${error.message}`);
      return 2;
    }
    if (error instanceof ForeignSheetError) {
      io.err(`kpi-rewards: ${file}: ${error.message}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `kpi-rewards: ${file || "error"}: ${code ? `${code}: ` : ""}${(error as Error).message.split("\n")[0]}`
    );
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
  }).then((status) => (process.exitCode = status));
}
