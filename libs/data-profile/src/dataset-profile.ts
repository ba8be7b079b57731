import { z } from 'zod';

const Count = z.number().int().nonnegative();
/** Estimated counts (sampled measures scaled up) may be fractional before rounding; they are rounded. */
const Share = z.number().min(0).max(1);

/** One histogram bar: values in [lo, hi) and how many records fall there. */
export const HistogramBinSchema = z
  .object({
    lo: z.number().describe('Lower edge, inclusive.'),
    hi: z.number().describe('Upper edge, exclusive (inclusive for the last bin).'),
    count: Count.describe('Records in the bin (estimated when the distribution is sampled).'),
  })
  .describe('One histogram bar.');

/** A distribution as the console charts it: summary statistics and a histogram. All 0 / empty when count is 0. */
export const DistributionSchema = z
  .object({
    /** Records the distribution describes. */
    count: Count.describe('Records the distribution describes.'),
    /** Records actually measured: equal to count unless the distribution was sampled. */
    measured: Count.describe('Records actually measured; equal to count unless sampled.'),
    min: z.number().describe('Smallest value seen among measured records.'),
    max: z.number().describe('Largest value seen among measured records.'),
    mean: z.number().describe('Mean value.'),
    /** Quantiles are within 1% of a true value (log-bucket sketch). */
    p50: z.number().describe('Median (within 1%).'),
    p90: z.number().describe('90th percentile (within 1%).'),
    p99: z.number().describe('99th percentile (within 1%).'),
    histogram: z
      .object({
        /** `log2` bins are [0,1), [1,2), [2,4), [4,8)...: lengths span orders of magnitude; `linear` bins are equal widths over [min, max]. */
        scale: z
          .enum(['log2', 'linear'])
          .describe('log2: [0,1),[1,2),[2,4)...; linear: equal widths over [min,max].'),
        bins: z.array(HistogramBinSchema),
      })
      .describe('Histogram for charting.'),
  })
  .describe('A distribution: summary statistics and a histogram.');

export type Distribution = z.output<typeof DistributionSchema>;

const RankedNgramSchema = z.object({
  ngram: z.string().describe('Words joined by single spaces, lower-cased.'),
  count: Count.describe('Occurrences (estimated when sampled; a lower bound when approximate).'),
  share: Share.describe('Share of all n-grams of this length.'),
});

const OutlierSchema = z.object({
  id: z.string().describe('Record id.'),
  value: z.number().describe('The record length in characters.'),
});

/**
 * The full profile of a dataset version (`profile.json`), built while records stream through ingestion.
 * Lengths, languages, shapes, coverage, n-grams and chat stats describe the kept records; counts also
 * cover dropped records (by reason) and rejected input rows. `schemaVersion` changes on any breaking edit.
 */
export const DatasetProfileSchema = z
  .object({
    schemaVersion: z.literal(1).describe('Version of this profile format.'),
    counts: z
      .object({
        /** Records read before cleaning: kept + dropped (rejected rows never became records). */
        input: Count.describe('Records read before cleaning: kept + dropped.'),
        kept: Count.describe('Records kept in the version.'),
        dropped: Count.describe('Records dropped by cleaning.'),
        droppedByReason: z
          .record(z.string(), Count)
          .describe('Dropped records by reason, e.g. exact-duplicate.'),
        /** Input rows that could not be read as records (invalid-json, ragged-row, ...). */
        rejected: Count.describe('Input rows that could not become records.'),
        rejectedByReason: z.record(z.string(), Count).describe('Rejected rows by reason, e.g. invalid-json.'),
      })
      .describe('Record counts.'),
    /** Kept records per shape: text, prompt-completion, chat, preference. */
    recordShapes: z.record(z.string(), Count).describe('Kept records per shape.'),
    lengths: z
      .object({
        /** Characters of the record's text (all content fields joined), in UTF-16 code units as JavaScript counts them. */
        chars: DistributionSchema.describe('Characters per record (UTF-16 code units).'),
        /** Whitespace-separated words per record (CJK runs count as one word). */
        words: DistributionSchema.describe('Whitespace-separated words per record.'),
        tokens: DistributionSchema.extend({
          /** Tokenizer, e.g. `o200k_base`. */
          tokenizer: z.string().describe('Tokenizer, e.g. o200k_base.'),
          /**
           * `exact`: every kept record was tokenized. `sampled`: tokenizing everything would cap ingest
           * (the tokenizer does ~10 MB/s), so past a budget records were tokenized with decreasing
           * probability; the distribution is weighted and `total` is chars × tokens-per-char of the sample.
           */
          method: z
            .enum(['exact', 'sampled'])
            .describe('exact: every record tokenized; sampled: estimated from a sample.'),
          total: Count.describe('Tokens in all kept records (estimated when sampled).'),
        }).describe('Tokens per record.'),
      })
      .describe('Length distributions of kept records.'),
    languages: z
      .object({
        counts: z.record(z.string(), Count).describe('Kept records per language (ISO 639-1, or und).'),
        shares: z.record(z.string(), Share).describe('Share of kept records per language, summing to 1.'),
      })
      .describe('Language mix of kept records.'),
    /** Duplicate clusters found by dedup (the caller reports them); null when dedup did not run. */
    duplicates: z
      .object({
        exactClusters: Count.describe('Groups of exact duplicates (2+ records each).'),
        exactDuplicates: Count.describe('Records that were exact copies of another (dropped or not).'),
        nearClusters: Count.describe('Groups of near duplicates.'),
        nearDuplicates: Count.describe('Records that were near copies of another.'),
      })
      .nullable()
      .describe('Duplicate clusters reported by dedup, or null.'),
    pii: z
      .object({
        hitsByType: z.record(z.string(), Count).describe('PII occurrences in kept records, by type.'),
        recordsWithPii: Count.describe('Kept records with at least one PII hit.'),
      })
      .describe('PII found (and redacted) in kept records.'),
    /** Quality scores of every scored record, kept or dropped (so the chart shows where a threshold cut); null when none was scored. */
    quality: DistributionSchema.nullable().describe(
      'Quality-score distribution of scored records (kept and dropped), or null.',
    ),
    outliers: z
      .object({
        /** Records whose length in chars lies beyond 3 interquartile ranges in log space (robust for skewed lengths). */
        rule: z.literal('chars-log-iqr-3').describe('Lengths beyond 3 IQRs of log(chars).'),
        /** Bounds used: records outside [low, high] chars are outliers. */
        low: z.number().describe('Lower length bound in chars.'),
        high: z.number().describe('Upper length bound in chars.'),
        long: z.array(OutlierSchema).describe('Longest outliers, longest first (bounded).'),
        short: z.array(OutlierSchema).describe('Shortest outliers, shortest first (bounded).'),
      })
      .describe('Records with lengths far outside the distribution.'),
    ngrams: z
      .object({
        /** `exact` when every kept record was counted; `sampled` when counted on a weighted sample. */
        method: z.enum(['exact', 'sampled']).describe('exact, or sampled (weighted sample of records).'),
        /** True when the bounded counter pruned rare n-grams: counts are then lower bounds. */
        approximate: z.boolean().describe('True when counts are lower bounds (bounded counter pruned).'),
        /** Single words, without common English stop words. */
        unigrams: z.array(RankedNgramSchema).describe('Top single words, stop words left out.'),
        /** Word pairs, leaving out pairs made only of stop words. */
        bigrams: z.array(RankedNgramSchema).describe('Top word pairs.'),
        trigrams: z.array(RankedNgramSchema).describe('Top word triples (boilerplate shows here).'),
      })
      .describe('Most frequent word n-grams of kept records.'),
    fieldCoverage: z
      .object({
        /** Share of kept records with each content field present and non-empty. */
        content: z
          .record(z.string(), Share)
          .describe('Share of kept records with each content field non-empty.'),
        /** Share of kept records with each metadata key (at most 256 keys tracked). */
        metadata: z.record(z.string(), Share).describe('Share of kept records having each metadata key.'),
        metadataKeysTruncated: z
          .boolean()
          .describe('True when more metadata keys existed than were tracked.'),
      })
      .describe('Field coverage of kept records.'),
    /** Chat records only; null when the version has none. */
    chat: z
      .object({
        conversations: Count.describe('Kept chat records.'),
        turns: DistributionSchema.describe('Messages per conversation.'),
        roles: z
          .record(z.string(), Count)
          .describe('Messages per role (system, user, assistant, tool, developer).'),
      })
      .nullable()
      .describe('Chat statistics, or null when there are no chat records.'),
  })
  .describe('Profile of a dataset version, charted by the console.');

export type DatasetProfile = z.output<typeof DatasetProfileSchema>;
