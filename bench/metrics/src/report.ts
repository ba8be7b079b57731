// Combines ours.json and reference.json into bench/metrics/results/<date>.json and prints the table.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROUGE_BENCH_TYPES, args, median, required, type SideResult } from './common';

const a = args(process.argv.slice(2));
const dir = required(a, 'data');
const resultsDir = required(a, 'results');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
const ours = read<SideResult>('ours.json');
const ref = read<SideResult>('reference.json');
const meta = read<Record<string, number>>('meta.json');

const TARGETS: Record<string, number> = { bleu: 5, chrf: 5, rouge: 10, rouge_stem: 10 };
const LABELS: Record<string, string> = {
  bleu: 'BLEU (corpus, 13a)',
  chrf: 'chrF (corpus, nc 6)',
  rouge: 'ROUGE 1/2/L, no stemmer',
  rouge_stem: 'ROUGE 1/2/L, stemmer',
};

const rows = Object.keys(TARGETS).map((name) => {
  const o = ours.runs[name];
  const r = ref.runs[name];
  if (!o || !r) throw new Error(`missing results for ${name}`);
  const oursPerS = ours.segments / median(o.seconds);
  const refPerS = ref.segments / median(r.seconds);
  const speedup = oursPerS / refPerS;
  let maxAbsDiff: number;
  if (typeof o.score === 'number' && typeof r.score === 'number') {
    maxAbsDiff = Math.abs(o.score - r.score);
  } else {
    maxAbsDiff = 0;
    for (const t of ROUGE_BENCH_TYPES) {
      const of = ours.rougeF[name]?.[t] ?? [];
      const rf = ref.rougeF[name]?.[t] ?? [];
      if (of.length !== rf.length) throw new Error(`${name}/${t}: pair counts differ`);
      of.forEach((v, i) => (maxAbsDiff = Math.max(maxAbsDiff, Math.abs(v - (rf[i] ?? NaN)))));
    }
  }
  return {
    name,
    label: LABELS[name],
    oursSeconds: o.seconds,
    referenceSeconds: r.seconds,
    oursPerSecond: oursPerS,
    referencePerSecond: refPerS,
    speedup,
    target: TARGETS[name],
    met: speedup >= (TARGETS[name] ?? Infinity),
    oursScore: o.score,
    referenceScore: r.score,
    /** BLEU/chrF: |ours − reference| of the corpus score; ROUGE: max over pairs and types of |ΔF|. */
    maxAbsDiff,
  };
});

// Paired bootstrap: an absolute target (Evaluation issue: < 1 s for 1,000 segments × 1,000 resamples);
// sacreBLEU's --paired-bs time is context only (it also bootstraps the champion's own CI, a third pass).
const bootstrapRow = (() => {
  const o = ours.runs['bootstrap_bleu'];
  const r = ref.runs['bootstrap_bleu'];
  if (!o || !r) return undefined;
  const oursDifference = typeof o.score === 'number' ? o.score : NaN;
  const referenceDifference = typeof r.score === 'number' ? r.score : NaN;
  return {
    name: 'bootstrap_bleu',
    label: 'paired bootstrap, BLEU, 1,000 segments × 1,000 resamples (incl. statistics of both systems)',
    oursSeconds: o.seconds,
    referenceSeconds: r.seconds,
    oursMedianSeconds: median(o.seconds),
    referenceMedianSeconds: median(r.seconds),
    targetSeconds: 1,
    met: median(o.seconds) < 1,
    /** candidate − champion BLEU on the full 1,000 segments, each side. */
    oursDifference,
    referenceDifference,
    maxAbsDiff: Math.abs(oursDifference - referenceDifference),
  };
})();

const stamp = new Date()
  .toISOString()
  .replace(/:/g, '-')
  .replace(/\.\d+Z$/, 'Z');
const out = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavgAfter: loadavg(), node: process.version },
  loadavgBefore: a.get('load-before'),
  corpus: meta,
  repetitions: ours.runs['bleu']?.seconds.length,
  ours: ours.impl,
  reference: ref.impl,
  rows,
  bootstrap: bootstrapRow,
};
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${stamp}.json`);
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const score = (s: number | Record<string, number>): string =>
  typeof s === 'number' ? s.toFixed(4) : ROUGE_BENCH_TYPES.map((t) => (s[t] ?? NaN).toFixed(4)).join('/');
console.log(
  `\n${meta['size'] ?? '?'} segment pairs, median of ${out.repetitions ?? '?'} runs; load before ${out.loadavgBefore ?? '?'}, after ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
console.log(
  '| metric | ours (seg/s) | reference (seg/s) | speed-up | target | verdict | score ours | score reference | max abs diff |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.label ?? r.name} | ${fmt(r.oursPerSecond)} | ${fmt(r.referencePerSecond)} | ${r.speedup.toFixed(1)}× | ≥ ${r.target ?? '?'}× | ${r.met ? 'met' : 'not met'} | ${score(r.oursScore)} | ${score(r.referenceScore)} | ${r.maxAbsDiff.toExponential(1)} |`,
  );
}
if (bootstrapRow) {
  console.log(
    '\n| paired bootstrap | ours (s) | sacreBLEU --paired-bs (s) | target | verdict | Δ BLEU ours | Δ BLEU reference |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| BLEU, 1,000 × 1,000 | ${bootstrapRow.oursMedianSeconds.toFixed(3)} | ${bootstrapRow.referenceMedianSeconds.toFixed(3)} | < 1 s | ${bootstrapRow.met ? 'met' : 'not met'} | ${bootstrapRow.oursDifference.toFixed(4)} | ${bootstrapRow.referenceDifference.toFixed(4)} |`,
  );
}
console.log(`\nwrote ${file}`);
