import type { Evaluation } from "../engine";
import { workbookSummary, type WorkbookSummary } from "../sheet";
import type { Io } from "./main";

/**
 * One workbook of a portfolio, run as the solo command line would run it: the same arguments, the
 * same clock, its output captured instead of printed. The portfolio prints it, in the input order.
 */
export interface WorkbookJob {
  /** The solo command line: `evaluate <file> [--as-of …] [--in-place] [--json] [--force]`. */
  readonly argv: readonly string[];
  /**
   * The file the solo run writes, when it writes one: a worker killed while writing it leaves a
   * temporary file beside it for the portfolio to remove.
   */
  readonly output?: string;
  /** The portfolio's clock (ms since 1970): every workbook is evaluated at the same moment. */
  readonly now: number;
  readonly colour: boolean;
  /**
   * Whether the evaluation comes back whole (the portfolio workbook shows every result); without it
   * only its summary does, a few numbers instead of every target's row to copy between processes.
   */
  readonly evaluation: boolean;
}

/** What evaluating one workbook gave: what the solo run printed and its exit status. */
export interface WorkbookOutcome {
  readonly status: number;
  /** The solo run's stdout: its summary, or its `--json` document. */
  readonly out: string;
  /** The solo run's stderr: its one-line error when it failed. */
  readonly err: string;
  /** What the portfolio's total line counts, when the workbook was evaluated. */
  readonly summary?: WorkbookSummary;
  /** The evaluation without the input tables, when the job asked for it. */
  readonly evaluation?: Evaluation;
}

/** The solo command line, in-process or in a worker. */
export type SoloRun = (argv: string[], io: Io) => Promise<number>;

/** Runs one workbook's solo command line and captures what it printed. */
export async function runJob(job: WorkbookJob, solo: SoloRun): Promise<WorkbookOutcome> {
  let out = "";
  let err = "";
  let summary: WorkbookSummary | undefined;
  let evaluation: Evaluation | undefined;
  const status = await solo([...job.argv], {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    colour: job.colour,
    now: () => new Date(job.now),
    evaluated: (e) => {
      summary = workbookSummary(e);
      // Only what the portfolio shows crosses to the parent: the input grid stays behind.
      if (job.evaluation)
        evaluation = {
          asOf: e.asOf,
          results: e.results,
          teams: e.teams,
          issues: e.issues,
          tables: [],
          adjustments: [],
        };
    },
  });
  return { status, out, err, ...(summary && { summary }), ...(evaluation && { evaluation }) };
}
