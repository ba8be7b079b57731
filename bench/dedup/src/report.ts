// Combines ours-<rep>.json and reference-<rep>.json into bench/dedup/results/<date>.json and prints the
// table. Throughput per core = documents / CPU seconds of the process (each side is single-threaded in
// its own work; Node's CPU time also counts V8's GC and compiler threads, which is the true cost).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { args, median, required, type BenchParams, type SideResult } from './common';

const a = args(process.argv.slice(2));
const dir = required(a, 'data');
const resultsDir = required(a, 'results');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
const meta = read<Record<string, number>>('meta.json');
const params = read<BenchParams>('params.json');
const reps = Array.from({ length: params.reps }, (_, i) => i + 1);
const ours = reps.map((r) => read<SideResult>(`ours-${r}.json`));
const ref = reps.map((r) => read<SideResult>(`reference-${r}.json`));
const TARGET = 5;

const rows = (['pipeline', 'minhash'] as const).map((name) => {
  const perCore = (side: SideResult[]): number => median(side.map((s) => s.docs / s.runs[name].cpu));
  const perWall = (side: SideResult[]): number => median(side.map((s) => s.docs / s.runs[name].wall));
  const oursPerCore = perCore(ours);
  const refPerCore = perCore(ref);
  return {
    name,
    oursSeconds: ours.map((s) => s.runs[name]),
    referenceSeconds: ref.map((s) => s.runs[name]),
    oursDocsPerCpuSecond: oursPerCore,
    referenceDocsPerCpuSecond: refPerCore,
    speedupPerCore: oursPerCore / refPerCore,
    oursDocsPerWallSecond: perWall(ours),
    referenceDocsPerWallSecond: perWall(ref),
    speedupWall: perWall(ours) / perWall(ref),
  };
});

/** Same-cluster pairs, as "i,j" with i < j. */
function pairs(clusters: readonly number[][]): Set<string> {
  const out = new Set<string>();
  for (const c of clusters) {
    const s = [...c].sort((x, y) => x - y);
    for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) out.add(`${s[i]},${s[j]}`);
  }
  return out;
}
const o = ours[0];
const r = ref[0];
if (!o || !r) throw new Error('no repetitions');
const key = (c: readonly number[]): string => c.join(',');
const refClusters = new Set(r.clusters.map(key));
const oursPairs = pairs(o.clusters);
const refPairs = pairs(r.clusters);
let commonPairs = 0;
for (const p of oursPairs) if (refPairs.has(p)) commonPairs++;
const agreement = {
  signaturesIdentical: [...ours, ...ref].every((s) => s.signatureDigest === o.signatureDigest),
  bandingIdentical: o.bands === r.bands && o.rows === r.rows,
  /** Every repetition of each side produced the same clusters (the run is deterministic). */
  repetitionsStable:
    ours.every((s) => JSON.stringify(s.clusters) === JSON.stringify(o.clusters)) &&
    ref.every((s) => JSON.stringify(s.clusters) === JSON.stringify(r.clusters)),
  oursClusters: o.clusters.length,
  referenceClusters: r.clusters.length,
  identicalClusters: o.clusters.filter((c) => refClusters.has(key(c))).length,
  oursKept: o.kept,
  referenceKept: r.kept,
  oursSameClusterPairs: oursPairs.size,
  referenceSameClusterPairs: refPairs.size,
  commonSameClusterPairs: commonPairs,
};

const stamp = new Date()
  .toISOString()
  .replace(/:/g, '-')
  .replace(/\.\d+Z$/, 'Z');
const out = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavgAfter: loadavg(), node: process.version },
  loadavgBefore: a.get('load-before'),
  corpus: meta,
  params: { ...params, bands: o.bands, rows: o.rows, scheme: 'affine32' },
  ours: o.impl,
  reference: r.impl,
  targetSpeedupPerCore: TARGET,
  rows,
  agreement,
};
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${stamp}.json`);
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
console.log(
  `\n${meta['size'] ?? '?'} docs; median of ${params.reps} interleaved repetitions; load before ${out.loadavgBefore ?? '?'}, after ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
console.log(
  '| stage | ours (docs/CPU-s) | datasketch (docs/CPU-s) | speed-up per core | ours (docs/wall-s) | datasketch (docs/wall-s) | speed-up wall |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.name} | ${fmt(row.oursDocsPerCpuSecond)} | ${fmt(row.referenceDocsPerCpuSecond)} | ${row.speedupPerCore.toFixed(1)}× | ${fmt(row.oursDocsPerWallSecond)} | ${fmt(row.referenceDocsPerWallSecond)} | ${row.speedupWall.toFixed(1)}× |`,
  );
}
const pipelineRow = rows[0];
console.log(
  `\ntarget ≥ ${TARGET}× per core on the pipeline: ${pipelineRow && pipelineRow.speedupPerCore >= TARGET ? 'met' : 'not met'}`,
);
console.log(
  `signatures identical: ${agreement.signaturesIdentical}; banding ${o.bands}×${o.rows} vs ${r.bands}×${r.rows}; repetitions stable: ${agreement.repetitionsStable}`,
);
console.log(
  `clusters: ours ${agreement.oursClusters}, datasketch ${agreement.referenceClusters}, identical ${agreement.identicalClusters}; kept ${o.kept} vs ${r.kept}; same-cluster pairs ${oursPairs.size} vs ${refPairs.size}, common ${commonPairs}`,
);
console.log(`\nwrote ${file}`);
