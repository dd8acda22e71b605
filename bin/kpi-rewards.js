#!/usr/bin/env node
// The built CLI: `npm run build:cli` compiles src/ into build/.
require("../build/cli/main.js").run();
