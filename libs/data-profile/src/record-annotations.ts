/** What cleaning found out about a record, handed to `ProfileBuilder.add` beside the record. */
export interface RecordAnnotations {
  /** Detected language, ISO 639-1 (`und` when unknown). */
  language?: string;
  /** Quality score from the quality filter (any scale; the profile charts it linearly). */
  qualityScore?: number;
  /** PII occurrences found (and redacted), by type, e.g. `{ email: 2 }`. */
  piiHits?: Record<string, number>;
  /** Set when cleaning dropped the record, e.g. `exact-duplicate`, `too-short`, `language`. */
  dropReason?: string;
}

/** Duplicate clusters found by dedup, reported once by the caller. */
export interface DuplicateStats {
  exactClusters: number;
  exactDuplicates: number;
  nearClusters: number;
  nearDuplicates: number;
}
