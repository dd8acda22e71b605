import { fork, type ChildProcess } from "child_process";
import path from "path";
import { runJob, type SoloRun, type WorkbookJob, type WorkbookOutcome } from "./portfolio-job";
import type { JobMessage } from "./portfolio-worker";

/**
 * Runs a portfolio's workbooks `parallel` at a time: here, and in `parallel − 1` child processes.
 * This process is already started and warm, so it takes workbooks too rather than wait; each child
 * costs a Node start and a cold compiler, which is why there is no child for `--jobs 1`. A workbook
 * that exhausts memory or crashes a child takes only itself down; each process keeps the solo
 * command's own handling of temporary files and Ctrl-C.
 */

/** Called as each workbook finishes, in completion order. */
export type JobDone = (index: number, outcome: WorkbookOutcome) => void;

/** The worker's entry: the built .js beside this file, or the .ts source under ts-node (tests). */
function workerEntry(): { file: string; execArgv: string[] } {
  const source = __filename.endsWith(".ts");
  return {
    file: path.join(__dirname, `portfolio-worker${source ? ".ts" : ".js"}`),
    execArgv: source ? ["--require", "ts-node/register/transpile-only"] : [],
  };
}

function fileOf(job: WorkbookJob): string {
  return job.argv[1] ?? "";
}

/** The outcome of a workbook whose worker stopped before answering. */
function stopped(job: WorkbookJob, code: number | null, signal: string | null): WorkbookOutcome {
  const how = signal ? `was stopped by ${signal}` : `stopped with exit code ${code}`;
  return {
    status: 1,
    out: "",
    err: `kpi-rewards: ${fileOf(job)}: its evaluation ${how} (out of memory?); nothing was written for it\n`,
  };
}

export async function runWorkbooks(
  jobs: readonly WorkbookJob[],
  parallel: number,
  solo: SoloRun,
  done: JobDone
): Promise<void> {
  const workers = Math.max(1, Math.min(parallel, jobs.length));
  if (workers === 1) {
    for (const [index, job] of jobs.entries()) done(index, await runJob(job, solo));
    return;
  }
  const entry = workerEntry();
  let next = 0;
  let finished = 0;
  await new Promise<void>((resolve) => {
    const settle = (index: number, outcome: WorkbookOutcome): void => {
      done(index, outcome);
      if (++finished === jobs.length) resolve();
    };
    /** This process's share: the next workbook nobody has taken, until none is left. */
    const runHere = async (): Promise<void> => {
      while (next < jobs.length) {
        const index = next++;
        settle(index, await runJob(jobs[index], solo));
      }
    };
    const start = (): void => {
      const child: ChildProcess = fork(entry.file, [], {
        execArgv: entry.execArgv,
        serialization: "advanced",
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      });
      let current: number | undefined;
      let ended = false;
      const give = (): void => {
        if (next >= jobs.length) {
          current = undefined;
          child.disconnect();
          return;
        }
        current = next++;
        const message: JobMessage = { index: current, job: jobs[current] };
        child.send(message);
      };
      child.on("message", (message: { index: number; outcome: WorkbookOutcome }) => {
        current = undefined;
        settle(message.index, message.outcome);
        give();
      });
      const end = (outcome: (job: WorkbookJob) => WorkbookOutcome, startedOnce: boolean): void => {
        if (ended) return;
        ended = true;
        if (current !== undefined) {
          // The workbook it held fails alone; a fresh worker takes the rest.
          const index = current;
          current = undefined;
          settle(index, outcome(jobs[index]));
        }
        // A child that ran is replaced; one that could not start is not (this process goes on).
        if (startedOnce && next < jobs.length) start();
      };
      child.on("exit", (code, signal) => end((job) => stopped(job, code, signal), true));
      child.on("error", (error) =>
        end(
          (job) => ({
            status: 1,
            out: "",
            err: `kpi-rewards: ${fileOf(job)}: its worker failed (${error.message.split("\n")[0]})\n`,
          }),
          child.pid !== undefined
        )
      );
      give();
    };
    for (let i = 1; i < workers; i++) start();
    void runHere();
  });
}
