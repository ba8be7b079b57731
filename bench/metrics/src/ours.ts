// Our side: times corpusBleu, corpusChrf, scoreRouge (per pair) and a BLEU paired bootstrap on the corpus in
// --data, in one process.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  bleuResamplable,
  corpusBleu,
  corpusChrf,
  pairedBootstrap,
  scoreRouge,
  type RougeScores,
} from '@llmops/eval-metrics';
import {
  BOOTSTRAP_RESAMPLES,
  ROUGE_BENCH_TYPES,
  args,
  bootstrapSystems,
  readLines,
  required,
  type SideResult,
} from './common';

const a = args(process.argv.slice(2));
const dir = required(a, 'data');
const reps = Number(a.get('reps') ?? '3');
const hyps = readLines(dir, 'hyps.txt');
const refs = readLines(dir, 'refs.txt');
const refStreams = [refs];

const rouge = (useStemmer: boolean): RougeScores[] => {
  const out: RougeScores[] = [];
  for (let i = 0; i < hyps.length; i++) {
    out.push(scoreRouge(refs[i] ?? '', hyps[i] ?? '', { types: ROUGE_BENCH_TYPES, useStemmer }));
  }
  return out;
};

const paired = bootstrapSystems(hyps, refs);
// Statistics extraction for both systems plus the resampling, as the evaluation service would run it.
const bootstrap = (): { score: number } => {
  const result = pairedBootstrap(
    bleuResamplable(paired.candidate, [paired.refs]),
    bleuResamplable(paired.champion, [paired.refs]),
    { resamples: BOOTSTRAP_RESAMPLES },
  );
  return { score: result.difference };
};

const benches: Record<string, () => unknown> = {
  bleu: () => corpusBleu(hyps, refStreams),
  chrf: () => corpusChrf(hyps, refStreams),
  rouge: () => rouge(false),
  rouge_stem: () => rouge(true),
  bootstrap_bleu: bootstrap,
};

const result: SideResult = {
  impl: 'llmops (TypeScript, Node.js)',
  segments: hyps.length,
  runs: {},
  rougeF: {},
};
for (const [name, fn] of Object.entries(benches)) {
  fn(); // warm-up: one full untimed pass (JIT, inline caches)
  const seconds: number[] = [];
  let last: unknown;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    last = fn();
    seconds.push((performance.now() - t0) / 1000);
  }
  if (name === 'bleu' || name === 'chrf' || name === 'bootstrap_bleu') {
    result.runs[name] = { seconds, score: (last as { score: number }).score };
  } else {
    const perPair = last as RougeScores[];
    const f: Record<string, number[]> = {};
    const mean: Record<string, number> = {};
    for (const t of ROUGE_BENCH_TYPES) {
      f[t] = perPair.map((s) => s[t]?.fmeasure ?? NaN);
      mean[t] = f[t].reduce((x, y) => x + y, 0) / perPair.length;
    }
    result.runs[name] = { seconds, score: mean };
    result.rougeF[name] = f;
  }
  process.stderr.write(`  ours ${name}: ${seconds.map((s) => s.toFixed(3)).join(' ')} s\n`);
}
writeFileSync(required(a, 'out'), JSON.stringify(result));
