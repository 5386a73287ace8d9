#!/usr/bin/env node
// The `convene` command. The TypeScript is compiled by `npm ci` (postinstall) into dist/.
require("../dist/cli/main.js").main();
