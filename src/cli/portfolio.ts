import os from "os";
import { realpath } from "fs/promises";
import path from "path";
import { todaySerial } from "../engine";
import {
  formatIsoDate,
  formatMoney,
  formatTimestamp,
  portfolioSheet,
  portfolioTotals,
  type PortfolioWorkbook,
} from "../sheet";
import type { EvaluateArgs, Io } from "./main";
import { OutputError, planOutput, type OutputPlan } from "./output-file";
import type { SoloRun, WorkbookJob, WorkbookOutcome } from "./portfolio-job";
import { runWorkbooks, WORKER } from "./portfolio-pool";
import { selectWorkbooks } from "./portfolio-selection";
import { writePortfolioWorkbook } from "./portfolio-workbook";
import * as M from "./messages";

/**
 * `kpi-rewards evaluate <folder | files…>` (SPEC §8): each workbook evaluated and written exactly as
 * its solo command line would, several at a time; what each printed is printed in the input order
 * (never the order they finished), then the portfolio's total, and the portfolio workbook if asked.
 */

/** The solo command line of one workbook of the portfolio. */
function soloArgv(args: EvaluateArgs, file: string): string[] {
  return [
    "evaluate",
    file,
    ...(args.asOf === undefined ? [] : ["--as-of", formatIsoDate(args.asOf)]),
    ...(args.inPlace ? ["--in-place"] : []),
    ...(args.json ? ["--json"] : []),
    ...(args.force ? ["--force"] : []),
  ];
}

/** The default output path a solo run would write for `file`, when it writes one. */
function outputOf(args: EvaluateArgs, file: string, defaultOutput: (file: string) => string) {
  if (args.inPlace) return undefined;
  return args.json ? undefined : defaultOutput(file);
}

/** The file the solo run of `file` replaces or creates: its output, or itself with --in-place. */
function writtenOf(args: EvaluateArgs, file: string, defaultOutput: (file: string) => string) {
  return args.inPlace ? file : outputOf(args, file, defaultOutput);
}

async function identity(file: string): Promise<string> {
  return realpath(file).catch(() => path.resolve(file));
}

/** A document laid out by `JSON.stringify(…, null, 2)`, moved into the portfolio's `workbooks` list. */
function indented(json: string): string {
  return json.replace(/\n/g, "\n    ");
}

/**
 * A workbook's solo `--json` document as its entry in the portfolio's, `file` first: the text is
 * spliced (JSON strings hold no raw line breaks), not parsed and written out again.
 */
export function jsonEntry(file: string, solo: string): string {
  const body = solo.trimEnd();
  return indented(`{\n  "file": ${JSON.stringify(file)},${body.slice(1)}`);
}

/** The failed run's message for the JSON document and the portfolio workbook: its line, unprefixed. */
export function errorOf(outcome: WorkbookOutcome, file: string): string {
  const line = outcome.err.split("\n").find((l) => l.trim() !== "") ?? "it could not be evaluated";
  const bare = line.replace(/^kpi-rewards: /, "");
  return bare.startsWith(`${file}: `) ? bare.slice(file.length + 2) : bare;
}

/** Progress on a terminal: `12/40 workbooks`, overwritten in place, cleared before any other output. */
function progressLine(io: Io, total: number) {
  let shown = "";
  const draw = (text: string) => {
    if (!io.progress) return;
    io.progress(`\r\x1b[K${text}`);
    shown = text;
  };
  return {
    show: (done: number) => draw(`${done}/${total} workbooks`),
    /** Runs `print` with the progress line out of the way, and puts it back after. */
    around: (print: () => void) => {
      const was = shown;
      if (was) draw("");
      print();
      if (was) draw(was);
    },
    clear: () => shown && draw(""),
  };
}

export async function evaluatePortfolio(
  args: EvaluateArgs,
  io: Io,
  solo: SoloRun,
  defaultOutput: (file: string) => string,
  worker = WORKER
): Promise<number> {
  const selection = await selectWorkbooks(args.files, args.portfolio);
  if (selection.kind === "empty") {
    io.err(M.errorLine(selection.folder, M.NO_WORKBOOK_IN_FOLDER));
    return 2;
  }
  const files = selection.files;
  const inputs = new Set(await Promise.all(files.map(identity)));
  // Every refusal that can be known before the work is made first, so nothing is half done.
  let plan: OutputPlan | undefined;
  if (args.portfolio !== undefined) {
    if (inputs.has(await identity(args.portfolio)))
      throw new OutputError(args.portfolio, M.PORTFOLIO_IS_AN_INPUT);
    plan = await planOutput(args.portfolio, { force: args.force });
  }
  for (const file of files) {
    const output = outputOf(args, file, defaultOutput);
    if (output !== undefined && inputs.has(await identity(output)))
      throw new OutputError(output, M.outputIsAnInput(file));
  }

  const now = io.now();
  const asOf = args.asOf ?? todaySerial(now);
  const jobs: WorkbookJob[] = files.map((file) => ({
    argv: soloArgv(args, file),
    output: writtenOf(args, file, defaultOutput),
    now: now.getTime(),
    colour: io.colour,
    evaluation: plan !== undefined,
  }));
  const outcomes: WorkbookOutcome[] = [];
  const progress = progressLine(io, files.length);
  let printed = 0;
  let finished = 0;
  let summaries = 0;
  // Each workbook's output, once every workbook before it has printed its own.
  const print = (index: number) => {
    const outcome = outcomes[index];
    progress.around(() => {
      if (outcome.status !== 0) io.err(outcome.err.replace(/\n$/, ""));
      else if (!args.json) {
        if (summaries++ > 0) io.out("");
        io.out(outcome.out.replace(/\n$/, ""));
      }
    });
  };
  progress.show(0);
  await runWorkbooks(
    jobs,
    args.jobs ?? os.availableParallelism(),
    solo,
    (index, outcome) => {
      outcomes[index] = outcome;
      finished++;
      while (printed < files.length && outcomes[printed]) print(printed++);
      progress.show(finished);
    },
    worker
  );
  progress.clear();

  if (plan) {
    const workbooks: PortfolioWorkbook[] = files.map((file, i) =>
      outcomes[i].status === 0 && outcomes[i].evaluation
        ? { file, evaluation: outcomes[i].evaluation! }
        : { file, error: errorOf(outcomes[i], file) }
    );
    await writePortfolioWorkbook(plan, portfolioSheet(workbooks, asOf, formatTimestamp(now)));
  }
  if (args.json) {
    const entries = files.map((file, i) =>
      outcomes[i].status === 0
        ? jsonEntry(file, outcomes[i].out)
        : indented(JSON.stringify({ file, error: errorOf(outcomes[i], file) }, null, 2))
    );
    io.out(`{\n  "workbooks": [\n    ${entries.join(",\n    ")}\n  ]\n}`);
  } else {
    if (summaries > 0) io.out("");
    const evaluated = outcomes.flatMap((o) => (o.status === 0 && o.summary ? [o.summary] : []));
    const totals = portfolioTotals(files.length, evaluated);
    const total = M.portfolioTotalLine(totals, formatMoney(totals.totalReward));
    io.out(`${total}${plan ? `\n${M.wrote(plan.path)}` : ""}`);
  }
  return outcomes.some((o) => o.status !== 0) ? 2 : 0;
}
