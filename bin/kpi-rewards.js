#!/usr/bin/env node
// The built CLI: `npm run build:cli` compiles src/ into build/.
let cli;
try {
  cli = require("../build/cli/main.js");
} catch (error) {
  if (!error || error.code !== "MODULE_NOT_FOUND") throw error;
  // Only this file asked for the module: the build itself is missing. Otherwise a dependency is.
  const notBuilt = !error.requireStack || error.requireStack.length <= 1;
  process.stderr.write(
    notBuilt
      ? "kpi-rewards: the command-line tool is not built yet; run `npm run build:cli` (or `npm test`) first\n"
      : `kpi-rewards: ${error.message.split("\n")[0]}; run \`npm install\` first\n`
  );
  process.exit(1);
}
cli.run();
