import { compileRecipe, type CleaningReport, type Recipe } from '@llmops/data-cleaning';
import {
  splitOf,
  type DataRecord,
  type ReadResult,
  type RecordReject,
  type Split,
} from '@llmops/data-formats';
import { ProfileBuilder, type DatasetProfile } from '@llmops/data-profile';
import { NearDuplicateIndex } from '@llmops/minhash';
import { RejectCollector } from './reject-collector';

export interface CurateOptions {
  recipe: Recipe;
  /** Deterministic hash split; without it every record is `train`. */
  splitRatios?: { train: number; validation: number; test: number };
  /** Drops records that overlap evaluation sets (reason `contaminated`). */
  decontaminate?: { isContaminated(record: DataRecord): boolean };
  /** Called for every kept record, in input order; awaited (back-pressure for writers). */
  onKept(record: DataRecord, split: Split): void | Promise<void>;
  /** Build a profile of the kept records (the service always does; the CLI's `clean` may skip it). */
  profile?: boolean;
  signal?: AbortSignal;
}

export interface CurationResult {
  read: number;
  kept: number;
  cleaning: CleaningReport;
  rejects: RejectCollector;
  profile: DatasetProfile | null;
  /** Largest resident set size seen while curating (sampled every 1024 records). */
  peakRssBytes: number;
  seconds: number;
}

/** A record the recipe said to fail on (`onRecordError: fail`), with its line. */
export class RecordRejectedError extends Error {
  readonly code = 'record-rejected';
  constructor(
    readonly reject: RecordReject,
    readonly read: number,
  ) {
    const where = reject.line ? `line ${String(reject.line)}: ` : '';
    super(`${where}${reject.message} (the recipe fails on the first bad record)`);
  }
}

/**
 * The curation loop shared by the ingestion service, the CLI and the benchmark: every input item is
 * either a reader reject (counted, sampled, or fatal under `onRecordError: fail`) or a record that goes
 * through the recipe (near-duplicate step backed by MinHash LSH), the decontamination check and the
 * hash split, then to `onKept`. Memory is bounded by the dedup indexes and the profile sketches.
 */
export async function curate(
  items: AsyncIterable<ReadResult>,
  options: CurateOptions,
): Promise<CurationResult> {
  const started = Date.now();
  const pipeline = compileRecipe(options.recipe, {
    nearDuplicateDetector: (params) => new NearDuplicateIndex(params),
  });
  const profile = options.profile === false ? null : new ProfileBuilder();
  const rejects = new RejectCollector(options.recipe.rejectSampleSize);
  let read = 0;
  let kept = 0;
  let peakRssBytes = process.memoryUsage().rss;
  for await (const item of items) {
    if (options.signal?.aborted) throw options.signal.reason;
    read += 1;
    if ((read & 1023) === 0) peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
    if ('reject' in item) {
      rejects.add(item.reject);
      profile?.addDropped(item.reject.reason);
      if (options.recipe.onRecordError === 'fail') throw new RecordRejectedError(item.reject, read);
      continue;
    }
    const outcome = pipeline.process(item.record);
    if ('dropped' in outcome) {
      profile?.addDropped(outcome.dropped);
      continue;
    }
    if (options.decontaminate?.isContaminated(outcome.kept)) {
      profile?.addDropped('contaminated');
      continue;
    }
    const split = options.splitRatios ? splitOf(outcome.kept, options.splitRatios) : 'train';
    await options.onKept(outcome.kept, split);
    profile?.add(outcome.kept, outcome.annotations);
    kept += 1;
  }
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  return {
    read,
    kept,
    cleaning: pipeline.report(),
    rejects,
    profile: profile?.build() ?? null,
    peakRssBytes,
    seconds: (Date.now() - started) / 1000,
  };
}
