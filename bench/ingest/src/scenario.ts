// One scenario in this (fresh) process, so its peak RSS is its own:
//   node scenario.js --scenario=clean-exact --data=DIR --corpus=throughput --out=FILE.json
// The measured path is the ingestion service's (VersionBuilder.build): readRecords over the input bytes →
// curate() (compileRecipe, hash split, profile) → ShardWriter gzip shards in a temp dir. The S3 upload,
// manifest and data card that follow are left out.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { curate, type CurationResult } from '@llmops/curation';
import {
  DEFAULT_RECORD_MAPPING,
  readRecords,
  ShardWriter,
  type ReadResult,
  type RecordMapping,
  type ShardDescriptor,
} from '@llmops/data-formats';
import { args, required, SCENARIOS, type RecipeScenario, type Scenario, type ScenarioResult } from './common';
import { recipeFor } from './recipes';
import { RssMonitor } from './rss-monitor';

/** The ingestion service's defaults (libs/ingestion config.ts and build-spec.ts), copied, not imported:
 * importing @llmops/ingestion would pull in Nest, TypeORM and the S3 client. */
const SERVICE = {
  maxLineBytes: 8 * 1024 ** 2,
  maxDecompressedBytes: 64 * 1024 ** 3,
  maxGzipRatio: 200,
  shardRecords: 100_000,
  splitRatios: { train: 0.8, validation: 0.1, test: 0.1 },
} as const;

const a = args(process.argv.slice(2));
const scenario = required(a, 'scenario') as Scenario;
if (!SCENARIOS.includes(scenario)) throw new Error(`unknown scenario ${scenario}`);
const corpus = required(a, 'corpus');
const input = join(required(a, 'data'), `${corpus}.jsonl`);

/** As RecordSource.readFile opens an upload (format auto, one record per line, the service's limits). */
function open(mapping: RecordMapping | undefined): AsyncIterable<ReadResult> {
  return readRecords(createReadStream(input), {
    fileName: `${corpus}.jsonl`,
    format: 'auto',
    textUnit: 'file',
    mapping: mapping ?? DEFAULT_RECORD_MAPPING,
    limits: {
      maxLineBytes: SERVICE.maxLineBytes,
      maxRecordBytes: SERVICE.maxLineBytes,
      maxDecompressedBytes: SERVICE.maxDecompressedBytes,
      maxGzipRatio: SERVICE.maxGzipRatio,
    },
  });
}

interface Outcome {
  read: number;
  kept: number;
  dropped: Record<string, number>;
  steps: string[];
  curation: CurationResult | null;
  shards: ShardDescriptor[];
}

async function readOnly(): Promise<Outcome> {
  let read = 0;
  let kept = 0;
  const dropped: Record<string, number> = {};
  for await (const item of open(undefined)) {
    read++;
    if ('reject' in item) dropped[item.reject.reason] = (dropped[item.reject.reason] ?? 0) + 1;
    else kept++;
  }
  return { read, kept, dropped, steps: [], curation: null, shards: [] };
}

/** The two ends of the path without curate(): every record read is written to `train` shards. */
async function readWrite(): Promise<Outcome> {
  const { dir, writer } = await openWriter();
  try {
    let read = 0;
    let kept = 0;
    const dropped: Record<string, number> = {};
    for await (const item of open(undefined)) {
      read++;
      if ('reject' in item) dropped[item.reject.reason] = (dropped[item.reject.reason] ?? 0) + 1;
      else {
        await writer.write('train', item.record);
        kept++;
      }
    }
    return { read, kept, dropped, steps: [], curation: null, shards: await writer.close() };
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function openWriter(): Promise<{ dir: string; writer: ShardWriter }> {
  const dir = await mkdtemp(join(a.get('tmp') ?? tmpdir(), 'llmops-bench-ingest-'));
  return { dir, writer: new ShardWriter({ dir, maxRecordsPerShard: SERVICE.shardRecords }) };
}

async function curateToShards(recipeScenario: RecipeScenario): Promise<Outcome> {
  const recipe = recipeFor(recipeScenario);
  const { dir, writer } = await openWriter();
  try {
    const result = await curate(open(recipe.mapping), {
      recipe,
      splitRatios: SERVICE.splitRatios,
      signal: new AbortController().signal,
      onKept: (record, split) => writer.write(split, record),
    });
    const shards = await writer.close();
    return {
      read: result.read,
      kept: result.kept,
      dropped: { ...result.rejects.counts(), ...result.cleaning.droppedByReason },
      steps: recipe.steps.map((step) => step.type),
      curation: result,
      shards,
    };
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const startupSeconds = process.uptime();
  const monitor = new RssMonitor();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const outcome =
    scenario === 'read'
      ? await readOnly()
      : scenario === 'read-write'
        ? await readWrite()
        : await curateToShards(scenario);
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  monitor.stop();
  const inputBytes = (await stat(input)).size;
  const records: Record<string, number> = {};
  for (const shard of outcome.shards) records[shard.split] = (records[shard.split] ?? 0) + shard.records;
  const result: ScenarioResult = {
    scenario,
    corpus,
    inputBytes,
    recipeSteps: outcome.steps,
    wallSeconds,
    userSeconds: cpu.user / 1e6,
    systemSeconds: cpu.system / 1e6,
    startupSeconds,
    read: outcome.read,
    kept: outcome.kept,
    dropped: outcome.dropped,
    piiHits: { ...outcome.curation?.cleaning.piiHits },
    modifiedByStep: outcome.curation?.cleaning.modifiedByStep ?? {},
    shards: {
      count: outcome.shards.length,
      gzipBytes: outcome.shards.reduce((s, x) => s + x.bytes, 0),
      records,
    },
    rss: {
      // Linux reports maxRSS in kilobytes.
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      sampledPeakBytes: monitor.peakBytes,
      curatePeakBytes: outcome.curation?.peakRssBytes ?? null,
      timeline: monitor.timeline,
    },
    heapUsedEndBytes: process.memoryUsage().heapUsed,
    node: process.version,
  };
  await writeFile(required(a, 'out'), JSON.stringify(result));
  const mb = inputBytes / 1e6;
  const cpuSeconds = result.userSeconds + result.systemSeconds;
  process.stderr.write(
    `  ${scenario} (${corpus}): ${wallSeconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU → ` +
      `${(mb / wallSeconds).toFixed(1)} MB/s wall, ${(mb / cpuSeconds).toFixed(1)} MB/CPU-s; ` +
      `read ${result.read}, kept ${result.kept}; max RSS ${(result.rss.maxRssBytes / 1e6).toFixed(0)} MB\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
