import fsPromises from "fs/promises";
import path from "path";
import type { JobMessage } from "../../src/cli/portfolio-worker";
// The real worker: it answers the parent; what follows only poisons it.
import "../../src/cli/portfolio-worker";

/**
 * A portfolio worker (src/cli/portfolio-worker.ts, loaded as it is) that dies on poisoned workbooks,
 * the way a real one dies of a workbook that exhausts memory or of `kill -9`:
 * - `killed-…` workbooks: SIGKILL at the moment its finished temporary file would be put in place,
 *   so the temporary file is on disk and the output is not;
 * - `exits-…` workbooks: exit code 70 as soon as the workbook arrives.
 */

export const CRASHING_WORKER = __filename;

const poisoned = (file: unknown, how: string) =>
  path.basename(String(file)).replace(/^\./, "").startsWith(`${how}-`);

process.on("message", (message: JobMessage) => {
  if (poisoned(message.job.argv[1], "exits")) process.exit(70);
});

// Output files are put in place by link (a new file) or rename (a replaced one).
for (const name of ["link", "rename"] as const) {
  const real = fsPromises[name];
  fsPromises[name] = (from, to) => {
    if (poisoned(from, "killed")) process.kill(process.pid, "SIGKILL");
    return real(from, to);
  };
}
