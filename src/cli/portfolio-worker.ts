import { main } from "./main";
import { runJob, type WorkbookJob, type WorkbookOutcome } from "./portfolio-job";

/**
 * A worker process of a portfolio run (src/cli/portfolio-pool.ts): it takes one workbook at a time
 * from its parent, runs it as the solo command would, and sends back what came of it.
 */

export interface JobMessage {
  readonly index: number;
  readonly job: WorkbookJob;
}

export interface OutcomeMessage {
  readonly index: number;
  readonly outcome: WorkbookOutcome;
}

process.on("message", (message: JobMessage) => {
  void runJob(message.job, main).then((outcome) => {
    const answer: OutcomeMessage = { index: message.index, outcome };
    process.send?.(answer);
  });
});
// The parent is gone (finished, or killed): stop, removing any temporary file on the way out.
process.on("disconnect", () => process.exit(0));
