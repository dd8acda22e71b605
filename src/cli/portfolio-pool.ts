import { fork } from "child_process";
import { realpath } from "fs/promises";
import path from "path";
import { removeStaleTemporaries } from "./output-file";
import { runJob, type SoloRun, type WorkbookJob, type WorkbookOutcome } from "./portfolio-job";
import type { JobMessage, OutcomeMessage } from "./portfolio-worker";
import * as M from "./messages";

/**
 * Runs a portfolio's workbooks `parallel` at a time: here, and in `parallel − 1` child processes.
 * The children are forked first and each is handed its first workbook at once, so their start-up
 * (a Node start, the CLI's modules, cold compiled code) overlaps this process's own first workbook;
 * after that a workbook goes to whichever process frees up first. This process is already started
 * and warm, so it takes workbooks too rather than wait: a child more would cost more CPU than it
 * saves on two cores (BENCHMARKS.md). A workbook that exhausts memory or crashes a child takes only
 * itself down: its temporary file is removed and a fresh child takes the rest.
 */

/** Called as each workbook finishes, in completion order. */
export type JobDone = (index: number, outcome: WorkbookOutcome) => void;

/** The worker's entry: the built .js beside this file, or the .ts source under ts-node (tests). */
export const WORKER = path.join(__dirname, `portfolio-worker${path.extname(__filename)}`);

function execArgvOf(worker: string): string[] {
  return worker.endsWith(".ts") ? ["--require", "ts-node/register/transpile-only"] : [];
}

function fileOf(job: WorkbookJob): string {
  return job.argv[1] ?? "";
}

/** The tail of a child's stderr kept for its epitaph; a dying Node's report is longer, its cause first. */
const STDERR_KEPT = 16 * 1024;

/** What a dying Node said of its death: V8's `FATAL ERROR: …` line, or an uncaught error's first line. */
export function causeOf(stderr: string): string | undefined {
  const fatal = /^FATAL ERROR: (.+)$/m.exec(stderr);
  if (fatal) return fatal[1].trim();
  return /^(?:\w*Error|Uncaught \w+): .+$/m.exec(stderr)?.[0].trim();
}

/** The one line of a workbook whose worker stopped before answering. */
export function stoppedLine(
  file: string,
  code: number | null,
  signal: string | null,
  stderr = ""
): string {
  return M.errorLine(file, M.workerStopped(code, signal, causeOf(stderr)));
}

/**
 * A worker killed outright leaves its temporary file beside the output it was writing; it is removed
 * here, as the next solo run would, so the folder holds only whole workbooks.
 */
async function removeLeftovers(job: WorkbookJob): Promise<void> {
  if (job.output === undefined) return;
  const target = await realpath(job.output).catch(() => job.output!);
  await removeStaleTemporaries(target);
}

export async function runWorkbooks(
  jobs: readonly WorkbookJob[],
  parallel: number,
  solo: SoloRun,
  done: JobDone,
  worker = WORKER
): Promise<void> {
  const processes = Math.max(1, Math.min(parallel, jobs.length));
  if (processes === 1) {
    for (const [index, job] of jobs.entries()) done(index, await runJob(job, solo));
    return;
  }
  let next = 0;
  let finished = 0;
  await new Promise<void>((resolve) => {
    const settle = (index: number, outcome: WorkbookOutcome): void => {
      done(index, outcome);
      if (++finished === jobs.length) resolve();
    };
    const start = (): void => {
      const child = fork(worker, [], {
        execArgv: execArgvOf(worker),
        serialization: "advanced",
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      let stderr = "";
      child.stderr?.setEncoding("utf8");
      child.stderr?.on("data", (text: string) => {
        stderr = (stderr + text).slice(-STDERR_KEPT);
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
      child.on("message", (message: OutcomeMessage) => {
        current = undefined;
        settle(message.index, message.outcome);
        give();
      });
      const end = (err: (job: WorkbookJob) => string, startedOnce: boolean): void => {
        if (ended) return;
        ended = true;
        if (current !== undefined) {
          // The workbook it held fails alone; a fresh worker takes the rest.
          const index = current;
          current = undefined;
          const job = jobs[index];
          void removeLeftovers(job)
            .catch(() => undefined)
            .then(() => settle(index, { status: 1, out: "", err: `${err(job)}\n` }));
        }
        // A child that ran is replaced; one that could not start is not (this process goes on).
        if (startedOnce && next < jobs.length) start();
      };
      // "close", not "exit": the child's stderr has been read to its end.
      child.on("close", (code, signal) =>
        end((job) => stoppedLine(fileOf(job), code, signal, stderr), true)
      );
      child.on("error", (error) =>
        end(
          (job) => M.errorLine(fileOf(job), M.workerFailed(error.message)),
          child.pid !== undefined
        )
      );
      give();
    };
    // The children first, each with a workbook in hand, then this process's own share.
    for (let i = 1; i < processes; i++) start();
    void (async () => {
      while (next < jobs.length) {
        const index = next++;
        settle(index, await runJob(jobs[index], solo));
      }
    })();
  });
}
