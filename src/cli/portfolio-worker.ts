import { main } from "./main";
import { runJob, type WorkbookJob } from "./portfolio-job";

/**
 * A worker process of a portfolio run (src/cli/portfolio-pool.ts): it takes one workbook at a time
 * from its parent, runs it as the solo command would, and sends back what came of it.
 */

export interface JobMessage {
  readonly index: number;
  readonly job: WorkbookJob;
}

process.on("message", (message: JobMessage) => {
  void runJob(message.job, main).then((outcome) =>
    process.send?.({ index: message.index, outcome })
  );
});
// The parent is gone (finished, or killed): stop, removing any temporary file on the way out.
process.on("disconnect", () => process.exit(0));
