'use strict';
// After swc compiles apps/ and libs/ into dist/ (or into the folder given as the first argument, as the
// benchmarks do), make every `@llmops/<lib>` import resolvable at run time by writing
// <out>/node_modules/@llmops/<lib>/package.json pointing at the compiled entry.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));

for (const [name, [entry]] of Object.entries(compilerOptions.paths)) {
  const compiled = path.join(dist, entry.replace(/\.ts$/, '.js'));
  if (!fs.existsSync(compiled)) continue;
  const pkgDir = path.join(dist, 'node_modules', name);
  fs.mkdirSync(pkgDir, { recursive: true });
  const main = path.relative(pkgDir, compiled);
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name, main }, null, 2));
}
