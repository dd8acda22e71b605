// Preloaded into a measured child process: reports its peak resident memory (KB) and the CPU time of
// all its threads (microseconds) when it exits.
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nmaxRSS ${usage.maxRSS}\ncpu ${usage.userCPUTime + usage.systemCPUTime}\n`
  );
});
