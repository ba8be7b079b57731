#!/usr/bin/env node
'use strict';
// The `llmops` command. It runs the compiled CLI from dist/ (built by `npm install` through `prepare`).
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'llmops: the CLI is not built yet; run `npm run build` in the llmops checkout first.\n',
  );
  process.exit(1);
}
require(entry);
