// Our side, one repetition: @llmops/minhash's TextMinHasher (signatures) and clusterNearDuplicates
// (pipeline) over the corpus in --data, after an untimed warm-up, timed inside this process.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clusterNearDuplicates, NearDuplicateIndex, TextMinHasher } from '@llmops/minhash';
import { args, readCorpus, required, type BenchParams, type SideResult, type Timing } from './common';

const a = args(process.argv.slice(2));
const dir = required(a, 'data');
const params = JSON.parse(readFileSync(join(dir, 'params.json'), 'utf8')) as BenchParams;
const docs = readCorpus(dir);
const options = {
  threshold: params.threshold,
  numPerm: params.numPerm,
  seed: params.seed,
  ngram: params.ngram,
  weights: params.weights,
};

const signatures = new Uint32Array(docs.length * params.numPerm);
function minhash(slice: typeof docs): void {
  const hasher = new TextMinHasher(options);
  for (let i = 0; i < slice.length; i++) {
    hasher.signatureInto(
      slice[i]?.text ?? '',
      signatures.subarray(i * params.numPerm, (i + 1) * params.numPerm),
    );
  }
}
const pipeline = (slice: typeof docs): ReturnType<typeof clusterNearDuplicates> =>
  clusterNearDuplicates(slice, options);

function timed<T>(fn: (slice: typeof docs) => T): { timing: Timing; result: T } {
  fn(docs.slice(0, params.warmupDocs)); // warm-up: JIT and inline caches
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn(docs);
  const cpu = process.cpuUsage(cpu0);
  return { timing: { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }, result };
}

const minhashRun = timed(minhash);
const pipelineRun = timed(pipeline);
const line = new Map(docs.map((d, i) => [d.id, i]));
const { bands, rows } = new NearDuplicateIndex(options).params;
const result: SideResult = {
  impl: `@llmops/minhash (TypeScript, Node.js ${process.version})`,
  docs: docs.length,
  bands,
  rows,
  runs: { minhash: minhashRun.timing, pipeline: pipelineRun.timing },
  signatureDigest: createHash('sha1')
    .update(new Uint8Array(signatures.buffer, signatures.byteOffset, signatures.byteLength))
    .digest('hex'),
  clusters: pipelineRun.result.clusters.map((c) => c.ids.map((id) => line.get(id) ?? -1)),
  kept: pipelineRun.result.kept.size,
};
for (const [name, t] of Object.entries(result.runs)) {
  process.stderr.write(`  ours ${name}: ${t.wall.toFixed(3)} s wall, ${t.cpu.toFixed(3)} s CPU\n`);
}
writeFileSync(required(a, 'out'), JSON.stringify(result));
