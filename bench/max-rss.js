// Preloaded into a measured child process: reports its peak resident memory when it exits.
process.on("exit", () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
