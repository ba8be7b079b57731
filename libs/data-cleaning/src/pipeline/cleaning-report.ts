import type { PiiType } from '../pii/pii-type';

/** One dropped record kept as an example for review. */
export interface RejectSample {
  recordId: string;
  /** The drop reason, e.g. `quality:symbol-ratio`. */
  reason: string;
  /** What exactly failed, e.g. `0.23 > maxSymbolWordRatio 0.1`. */
  detail?: string;
  /** Input file and 1-based line of the record, when the reader knew them. */
  file?: string;
  line?: number;
  /** The start of the record's text at the time it was dropped (redacted for `pii:*` drops). */
  preview: string;
}

/** What a pipeline did so far; plain JSON, safe to store with a dataset version. */
export interface CleaningReport {
  /** Records given to `process`. */
  input: number;
  kept: number;
  dropped: number;
  /** Drops per reason: `length:min-words`, `language:fr`, `quality:stop-words`, `dedup:exact`, `empty`, `error:<step>`. */
  droppedByReason: Record<string, number>;
  /** Records whose text each step changed, by step label (the type; a repeated type gets `#2`, `#3`). */
  modifiedByStep: Record<string, number>;
  /** PII found by `redact-pii`, by type, over every record the step saw. */
  piiHits: Partial<Record<PiiType, number>>;
  /** Up to `rejectSampleSize` dropped records per reason, sampled uniformly. */
  rejectSamples: Record<string, RejectSample[]>;
}
