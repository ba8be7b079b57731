// Combines the scenario results in DATA/runs into bench/ingest/results/<UTC timestamp>.json and prints the
// table: node report.js --data=DIR --results=DIR --load-before="a b c" --total-seconds=N
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Breakdown } from './breakdown';
import {
  args,
  MB,
  required,
  TARGETS,
  type BaselineResult,
  type CorpusMeta,
  type ScenarioResult,
} from './common';

const a = args(process.argv.slice(2));
const dir = required(a, 'data');
const resultsDir = required(a, 'results');
const runs = join(dir, 'runs');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const meta = readJson<CorpusMeta>(join(dir, 'meta.json'));
const scenarios = readdirSync(runs)
  .filter((f) => f.startsWith('scenario-') && f.endsWith('.json'))
  .sort()
  .map((f) => readJson<ScenarioResult>(join(runs, f)));
const baselinePath = join(runs, 'baseline.json');
const baseline = existsSync(baselinePath) ? readJson<BaselineResult>(baselinePath) : null;
const breakdownPath = join(runs, 'breakdown.json');
const breakdown = existsSync(breakdownPath) ? readJson<Breakdown>(breakdownPath) : null;

const ORDER = ['read', 'read-write', 'minimal', 'clean-exact', 'clean-near'];
scenarios.sort(
  (x, y) =>
    (x.corpus === 'rss' ? 1 : 0) - (y.corpus === 'rss' ? 1 : 0) ||
    ORDER.indexOf(x.scenario) - ORDER.indexOf(y.scenario),
);

type Verdict = { target: string; value: number; met: boolean } | null;

function verdictOf(s: ScenarioResult, perCpu: number, peakMB: number): Verdict {
  if (s.corpus === 'rss') {
    return { target: `peak RSS < ${TARGETS.rssPeakMB} MB`, value: peakMB, met: peakMB < TARGETS.rssPeakMB };
  }
  if (s.scenario === 'clean-exact') {
    const t = TARGETS.cleanExactMBPerCpuSecond;
    return { target: `≥ ${t} MB/CPU-s`, value: perCpu, met: perCpu >= t };
  }
  if (s.scenario === 'clean-near') {
    const t = TARGETS.cleanNearMBPerCpuSecond;
    return { target: `≥ ${t} MB/CPU-s`, value: perCpu, met: perCpu >= t };
  }
  return null;
}

const rows = scenarios.map((s) => {
  const cpuSeconds = s.userSeconds + s.systemSeconds;
  const mb = s.inputBytes / MB;
  const perCpu = mb / cpuSeconds;
  const peakMB = s.rss.maxRssBytes / MB;
  const dropped = Object.values(s.dropped).reduce((x, y) => x + y, 0);
  return {
    scenario: s.scenario,
    corpus: s.corpus,
    inputMB: mb,
    wallSeconds: s.wallSeconds,
    cpuSeconds,
    mbPerWallSecond: mb / s.wallSeconds,
    mbPerCpuSecond: perCpu,
    recordsPerWallSecond: s.read / s.wallSeconds,
    recordsPerCpuSecond: s.read / cpuSeconds,
    read: s.read,
    kept: s.kept,
    dropped,
    peakRssMB: peakMB,
    verdict: verdictOf(s, perCpu, peakMB),
  };
});

const stamp = new Date()
  .toISOString()
  .replace(/:/g, '-')
  .replace(/\.\d+Z$/, 'Z');
const out = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryBytes: totalmem(),
    node: process.version,
    loadavgBefore: a.get('load-before'),
    loadavgAfter: loadavg()
      .map((l) => Number(l.toFixed(2)))
      .join(' '),
  },
  totalSeconds: Number(a.get('total-seconds') ?? NaN),
  corpus: meta,
  targets: TARGETS,
  rows,
  baseline: baseline && {
    ...baseline,
    mbPerWallSecond: baseline.inputBytes / MB / baseline.wallSeconds,
    mbPerCpuSecond: baseline.inputBytes / MB / (baseline.userSeconds + baseline.systemSeconds),
  },
  cleanNearBreakdown: breakdown,
  scenarios,
};
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${stamp}.json`);
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);

const f1 = (x: number): string => x.toFixed(1);
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
console.log(
  `\nload average before ${out.machine.loadavgBefore ?? '?'}, after ${out.machine.loadavgAfter}; ` +
    `${out.machine.cpus} × ${out.machine.model ?? '?'}; Node ${process.version}\n`,
);
console.log(
  '| scenario | input | wall s | CPU s | MB/s (wall) | **MB/CPU-s** | records/s (wall) | read | kept | dropped | peak RSS MB | target | verdict |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.corpus} ${f1(r.inputMB)} MB | ${f1(r.wallSeconds)} | ${f1(r.cpuSeconds)} | ${f1(r.mbPerWallSecond)} | **${f1(r.mbPerCpuSecond)}** | ${int(r.recordsPerWallSecond)} | ${int(r.read)} | ${int(r.kept)} | ${int(r.dropped)} | ${int(r.peakRssMB)} | ${r.verdict?.target ?? '—'} | ${r.verdict ? (r.verdict.met ? 'met' : 'not met') : '—'} |`,
  );
}
if (out.baseline) {
  const b = out.baseline;
  console.log(
    `| baseline (Python) | ${b.corpus} ${f1(b.inputBytes / MB)} MB | ${f1(b.wallSeconds)} | ${f1(b.userSeconds + b.systemSeconds)} | ${f1(b.mbPerWallSecond)} | **${f1(b.mbPerCpuSecond)}** | ${int(b.read / b.wallSeconds)} | ${int(b.read)} | ${int(b.kept)} | ${int(Object.values(b.dropped).reduce((x, y) => x + y, 0))} | ${int(b.maxRssBytes / MB)} | — | — |`,
  );
}
for (const s of scenarios) {
  // The timeline sample with the highest RSS, split into V8 heap and memory outside it.
  const peak = s.rss.timeline.reduce<(typeof s.rss.timeline)[number] | undefined>(
    (best, x) => (best === undefined || x[1] > best[1] ? x : best),
    undefined,
  );
  if (s.corpus !== 'rss' || peak === undefined) continue;
  const [t, rss, heapTotal, heapUsed, external] = peak.map((x, i) => (i === 0 ? x : x / MB));
  console.log(
    `\n${s.scenario} over ${s.corpus}: highest 1-s sample at ${f1(t ?? 0)} s: RSS ${int(rss ?? 0)} MB = ` +
      `V8 heap ${int(heapTotal ?? 0)} MB (used ${int(heapUsed ?? 0)}) + external ${int(external ?? 0)} MB + ` +
      `${int((rss ?? 0) - (heapTotal ?? 0) - (external ?? 0))} MB other (code, native buffers, allocator)`,
  );
}
if (breakdown) {
  console.log(`\nclean-near main thread (profiled run, ${f1(breakdown.busyMs / 1000)} s busy):`);
  for (const s of breakdown.stages) console.log(`  ${(100 * s.share).toFixed(1).padStart(5)} %  ${s.stage}`);
}
console.log(`\nwrote ${file}`);
