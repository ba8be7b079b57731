import type { z } from 'zod';

import type { IngestedRecordContentSchema, JsonValue, RecordProvenanceSchema } from '@llmops/contracts';

/** The example itself: text, prompt-completion, chat or preference (the contracts' four shapes). */
export type RecordContent = z.output<typeof IngestedRecordContentSchema>;

/** Where a record came from (the contracts' provenance), plus where in its input it was read. */
export type DataRecordProvenance = z.output<typeof RecordProvenanceSchema> & {
  /** Input file (or object key, or topic) the record was read from. */
  file?: string;
  /** 1-based line (JSONL/CSV/text) or row (Parquet) in that input. */
  line?: number;
};

/** One record flowing through ingestion: read from an input, cleaned, profiled, written to shards. */
export interface DataRecord {
  /** Stable id: the input's id field when it has one, else derived from file and line. */
  id: string;
  content: RecordContent;
  /** Free-form metadata kept with the record. */
  metadata: Record<string, JsonValue>;
  provenance: DataRecordProvenance;
}

/** An input line or row that could not become a record; reading goes on after it. */
export interface RecordReject {
  /** Stable reason code, e.g. `invalid-json`, `invalid-utf8`, `line-too-long`, `ragged-row`. */
  reason: string;
  /** Human-readable detail naming the field or the problem. */
  message: string;
  file?: string;
  line?: number;
  /** The start of the offending input, truncated, for review. */
  raw?: string;
}
