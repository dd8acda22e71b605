// Run in a fresh process by the bench's portfolio part: the CPU time (all threads, microseconds) of
// Node's own start, of loading the built CLI, then of each workbook named, evaluated one after the other as a portfolio
// process does. The first workbook pays for cold code; the ones after it show the warm cost.
const usage = () => {
  const u = process.resourceUsage();
  return u.userCPUTime + u.systemCPUTime;
};
const start = usage();
const path = require("path");
const build = path.join(__dirname, "..", "build", "cli");
const { main } = require(path.join(build, "main.js"));
const { runJob } = require(path.join(build, "portfolio-job.js"));

(async () => {
  const cpu = [start, usage() - start];
  for (const file of process.argv.slice(2)) {
    const before = usage();
    const outcome = await runJob(
      {
        argv: ["evaluate", file, "--as-of", "2024-06-30", "--force"],
        now: Date.now(),
        colour: false,
        evaluation: false,
      },
      main
    );
    if (outcome.status !== 0) throw new Error(outcome.err);
    cpu.push(usage() - before);
  }
  process.stdout.write(`${cpu.join(" ")}\n`);
})();
