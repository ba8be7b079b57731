// Writes the benchmark corpus and parameters: node gen.js --out=DIR --size=100000 --seed=42 ...
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateNearDuplicateCorpus } from '@llmops/minhash';
import { args, required, type BenchParams } from './common';

const a = args(process.argv.slice(2));
const out = required(a, 'out');
const size = Number(a.get('size') ?? '100000');
const seed = Number(a.get('seed') ?? '42');
const params: BenchParams = {
  numPerm: Number(a.get('num-perm') ?? '128'),
  seed: 1,
  ngram: Number(a.get('ngram') ?? '5'),
  threshold: Number(a.get('threshold') ?? '0.8'),
  weights: [0.5, 0.5], // datasketch MinHashLSH's default, so both sides band the same way
  warmupDocs: Math.min(size, Number(a.get('warmup') ?? '5000')),
  reps: Number(a.get('reps') ?? '3'),
};

const { documents, origins } = generateNearDuplicateCorpus({ size, seed });
writeFileSync(join(out, 'corpus.jsonl'), `${documents.map((d) => JSON.stringify(d)).join('\n')}\n`);
writeFileSync(join(out, 'params.json'), JSON.stringify(params));
const words = documents.reduce((s, d) => s + d.text.split(/\s+/).length, 0) / size;
const chars = documents.reduce((s, d) => s + d.text.length, 0) / size;
const planted = origins.filter((o) => o.kind !== 'original' && o.kind !== 'overlap').length;
writeFileSync(
  join(out, 'meta.json'),
  JSON.stringify({ size, seed, meanWords: words, meanChars: chars, plantedNearDuplicates: planted }),
);
process.stderr.write(
  `corpus: ${size} docs, seed ${seed}, mean ${words.toFixed(1)} words / ${chars.toFixed(0)} chars, ${planted} planted near-duplicates\n`,
);
