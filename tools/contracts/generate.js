#!/usr/bin/env node
'use strict';
// Regenerates the event docs from libs/contracts: docs/events/schemas/<topic>.json (JSON Schema 2020-12),
// docs/events/asyncapi.yaml (AsyncAPI 3.0) and the topic table in docs/events/README.md.
//   node tools/contracts/generate.js           write the files
//   node tools/contracts/generate.js --check   exit 1 if the committed files are stale (CI)
require('./register-ts');
const path = require('node:path');
const { checkEventDocs, writeEventDocs } = require('./event-docs.ts');

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--check');
if (unknown.length > 0) {
  console.error(
    `unknown argument(s): ${unknown.join(' ')}\nusage: node tools/contracts/generate.js [--check]`,
  );
  process.exit(2);
}

if (args.includes('--check')) {
  const problems = checkEventDocs(root);
  if (problems.length > 0) {
    console.error('Event docs are stale; run `npm run contracts:generate` and commit the result:');
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log('Event docs are up to date.');
} else {
  const written = writeEventDocs(root);
  console.log(
    `Event docs: ${written.changed.length} file(s) written, ${written.removed.length} removed, ${written.unchanged} unchanged.`,
  );
  for (const file of [...written.changed, ...written.removed]) console.log(`  ${file}`);
}
