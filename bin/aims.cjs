#!/usr/bin/env node
// The `aims` command: the bundled CLI (out/cli/main.cjs, built by `npm run build`) runs on load.
require('../out/cli/main.cjs');
