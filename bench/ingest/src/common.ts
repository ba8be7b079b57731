import type { LineKind } from './corpus';

export { args, required } from '../../shared/cli-args';
export { median } from '../../shared/median';

/** Throughput is in MB = 10^6 bytes of input JSONL; RSS is reported in MB too (and compared in MB). */
export const MB = 1e6;
export const MiB = 1024 * 1024;

/** One generated corpus file, as gen.ts describes it in meta.json. */
export interface CorpusFileMeta {
  file: string;
  bytes: number;
  lines: number;
  kinds: Record<LineKind, number>;
  /** Originals with a planted PII paragraph, and originals wrapped in HTML. */
  pii: number;
  html: number;
  textChars: { mean: number; p50: number; p90: number; p99: number; max: number };
}

export interface CorpusMeta {
  seed: number;
  generatorSeconds: number;
  /** `throughput` (SIZE_MB) and, unless skipped, `rss` (RSS_GIB); the first is a prefix of the second. */
  files: Record<string, CorpusFileMeta>;
}

/** The ingest paths scenario.ts can run (see README: each in a fresh Node process). */
export const SCENARIOS = ['read', 'read-write', 'minimal', 'clean-exact', 'clean-near'] as const;
export type Scenario = (typeof SCENARIOS)[number];
/** The scenarios that run a recipe through `curate()`. */
export type RecipeScenario = Exclude<Scenario, 'read' | 'read-write'>;

/** What one scenario process measured, written by scenario.ts. */
export interface ScenarioResult {
  scenario: Scenario;
  /** Which corpus file (`throughput` or `rss`) and its size. */
  corpus: string;
  inputBytes: number;
  recipeSteps: string[];
  /** Seconds from the first byte read to the last shard closed (process start-up and imports excluded). */
  wallSeconds: number;
  /** CPU seconds of the whole process over the same span: main thread, libuv pool (gzip, fs), V8 threads. */
  userSeconds: number;
  systemSeconds: number;
  /** Node start-up and module loading before the timed span. */
  startupSeconds: number;
  read: number;
  kept: number;
  /** Drops by reason: reader rejects (`invalid-json`, ...) and recipe drops (`quality:...`, `dedup:exact`, ...). */
  dropped: Record<string, number>;
  /** PII found (and replaced) by `redact-pii`, by type, when the recipe has it. */
  piiHits: Record<string, number>;
  /** Records whose text each step changed, by step. */
  modifiedByStep: Record<string, number>;
  shards: { count: number; gzipBytes: number; records: Record<string, number> };
  rss: {
    /** `process.resourceUsage().maxRSS` at the end: the kernel's high-water mark for the process. */
    maxRssBytes: number;
    /** Highest `process.memoryUsage.rss()` sampled every 100 ms. */
    sampledPeakBytes: number;
    /** `curate()`'s own peak (sampled every 1,024 records), as the service reports it. */
    curatePeakBytes: number | null;
    /** One sample a second: [seconds since start, rss, heapTotal, heapUsed, external] in bytes. */
    timeline: [number, number, number, number, number][];
  };
  heapUsedEndBytes: number;
  node: string;
}

/** What reference.py measured. */
export interface BaselineResult {
  impl: string;
  corpus: string;
  inputBytes: number;
  wallSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  read: number;
  kept: number;
  dropped: Record<string, number>;
  gzipBytes: number;
  maxRssBytes: number;
}

/** `clean-exact` and `clean-near` in MB per CPU-second; `rss` peak in MB for the RSS_GIB input. */
export const TARGETS = { cleanExactMBPerCpuSecond: 20, cleanNearMBPerCpuSecond: 10, rssPeakMB: 500 };
