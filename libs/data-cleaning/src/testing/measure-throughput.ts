import type { DataRecord } from '@llmops/data-formats';
import { contentTexts } from '@llmops/data-formats';

import type { NearDuplicateDetectorFactory } from '../dedup/near-duplicate-detector';
import { compileRecipe } from '../pipeline/compile-recipe';
import type { CleaningReport } from '../pipeline/cleaning-report';
import type { Recipe } from '../recipe/recipe.schema';

export interface ThroughputResult {
  /** UTF-8 megabytes (10^6 bytes) of record text processed per wall-clock second. */
  megabytesPerSecond: number;
  /**
   * Megabytes per second of this process's CPU time: the per-core figure, and the one to trust on a
   * shared machine where wall-clock time includes waiting for a core.
   */
  megabytesPerCpuSecond: number;
  records: number;
  megabytes: number;
  seconds: number;
  cpuSeconds: number;
  report: CleaningReport;
}

/**
 * Runs `records` through a freshly compiled pipeline and times it, after a warm-up pipeline has seen a few
 * hundred records (so JIT compilation and lazy loading are not timed). Single-threaded, synchronous.
 */
export function measureThroughput(
  recipe: Recipe,
  records: readonly DataRecord[],
  nearDuplicateDetector?: NearDuplicateDetectorFactory,
): ThroughputResult {
  const options = nearDuplicateDetector ? { nearDuplicateDetector } : {};
  const warmUp = compileRecipe(recipe, options);
  for (const record of records.slice(0, 500)) warmUp.process(record);

  let bytes = 0;
  for (const record of records) {
    for (const text of contentTexts(record.content)) bytes += Buffer.byteLength(text, 'utf8');
  }
  const pipeline = compileRecipe(recipe, options);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const record of records) pipeline.process(record);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const megabytes = bytes / 1e6;
  return {
    megabytesPerSecond: megabytes / seconds,
    megabytesPerCpuSecond: megabytes / cpuSeconds,
    records: records.length,
    megabytes,
    seconds,
    cpuSeconds,
    report: pipeline.report(),
  };
}
