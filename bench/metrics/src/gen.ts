// Writes the benchmark corpus: node gen.js --out=DIR --size=20000 --seed=42
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { args, required } from './common';
import { writeCorpus } from './corpus';

const a = args(process.argv.slice(2));
const out = required(a, 'out');
const size = Number(a.get('size') ?? '20000');
const seed = Number(a.get('seed') ?? '42');
const stats = writeCorpus(out, size, seed);
writeFileSync(
  join(out, 'meta.json'),
  JSON.stringify({ size, seed, meanWords: stats.words, meanChars: stats.chars }),
);
process.stderr.write(
  `corpus: ${size} pairs, seed ${seed}, mean ${stats.words.toFixed(1)} words / ${stats.chars.toFixed(0)} chars per segment\n`,
);
