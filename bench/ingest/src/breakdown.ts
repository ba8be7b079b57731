// Where the main thread's time goes in one profiled scenario: node breakdown.js --profile-dir=DIR --out=FILE
// Reads the V8 .cpuprofile that `node --cpu-prof` wrote and charges each sample to the outermost stage frame
// on its stack (a recipe step, the profile, the split, the shard writer, the reader). Work on other
// threads (gzip and file I/O in the libuv pool, V8's concurrent GC and compiler) is not in the profile.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { args, required } from './common';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Breakdown {
  /** Main-thread milliseconds sampled while busy (idle excluded). */
  busyMs: number;
  idleMs: number;
  stages: { stage: string; ms: number; share: number }[];
}

/** Stage of a frame by its file, or undefined when the frame is not a stage boundary. */
function stageOf(frame: ProfileNode['callFrame']): string | undefined {
  const step = /\/steps\/([a-z-]+)\.step\.js$/.exec(frame.url);
  if (step?.[1] !== undefined) return `recipe: ${step[1]}`;
  const file = frame.url.slice(frame.url.lastIndexOf('/') + 1);
  switch (file) {
    case 'cleaning-pipeline.js':
      return 'recipe: pipeline bookkeeping';
    case 'profile-builder.js':
      return 'profile (ProfileBuilder.add/build)';
    case 'split-of.js':
      return 'hash split (splitOf)';
    case 'shard-writer.js':
    case 'shard-file.js':
      return 'shard writer (serialise, gzip hand-off)';
    case 'read-records.js':
    case 'read-json.js':
    case 'line-splitter.js':
    case 'map-row.js':
    case 'byte-chunks.js':
      return 'read (readRecords: split lines, JSON.parse, map)';
    default:
      return undefined;
  }
}

function summarise(profile: CpuProfile): Breakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const stages = new Map<string, number>();
  let idle = 0;
  for (const [id, micros] of sampled) {
    const leaf = byId.get(id);
    if (leaf === undefined) continue;
    const name = leaf.callFrame.functionName;
    if (name === '(idle)') {
      idle += micros;
      continue;
    }
    let stage = name === '(garbage collector)' ? 'garbage collection (main thread)' : 'other';
    // Walk towards the root; the innermost stage frame wins (a step inside the pipeline is the step;
    // shared helpers a step calls are not stage frames, so they stay the step's).
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame;
      const found = frame && stageOf(frame);
      if (found !== undefined) {
        stage = found;
        break;
      }
    }
    if (stage === 'other' && /zlib/.test(leaf.callFrame.url)) stage = 'gzip (main-thread side)';
    stages.set(stage, (stages.get(stage) ?? 0) + micros);
  }
  const busy = [...stages.values()].reduce((s, x) => s + x, 0);
  // Steps that only ran their module's top-level code at import are noise: fold them into `other`.
  for (const [stage, micros] of stages) {
    if (stage !== 'other' && micros < busy * 0.001) {
      stages.delete(stage);
      stages.set('other', (stages.get('other') ?? 0) + micros);
    }
  }
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    stages: [...stages.entries()]
      .map(([stage, micros]) => ({ stage, ms: micros / 1000, share: micros / busy }))
      .sort((x, y) => y.ms - x.ms),
  };
}

const a = args(process.argv.slice(2));
const dir = required(a, 'profile-dir');
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (file === undefined) throw new Error(`no .cpuprofile in ${dir}`);
const breakdown = summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
writeFileSync(required(a, 'out'), JSON.stringify(breakdown));
for (const s of breakdown.stages) {
  process.stderr.write(`  ${(100 * s.share).toFixed(1).padStart(5)} %  ${s.stage}\n`);
}
