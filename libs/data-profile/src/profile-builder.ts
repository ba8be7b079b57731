import type { DataRecord, RecordReject } from '@llmops/data-formats';
import { recordText } from '@llmops/data-formats';

import { AdaptiveSampler } from './adaptive-sampler';
import type { DatasetProfile } from './dataset-profile';
import { NgramHeavyHitters } from './ngram-heavy-hitters';
import { LengthExtremes, type IdValue } from './length-extremes';
import { NumericDistribution } from './numeric-distribution';
import type { DuplicateStats, RecordAnnotations } from './record-annotations';
import { o200kTokenCounter, type TokenCounter } from './token-counter';
import { countNgrams, countWords, wordsOf } from './word-ngrams';

export interface ProfileBuilderOptions {
  /** Tokenizer for token counts; o200k_base (loaded on first use) when omitted. */
  tokenCounter?: TokenCounter;
  /** Characters tokenized exactly before token counts switch to a weighted sample (default 1M). */
  tokenBudgetChars?: number;
  /** Characters scanned for n-grams before switching to a weighted sample (default 1M). */
  ngramBudgetChars?: number;
  /** N-grams listed per length (default 20). */
  topNgrams?: number;
  /** Outliers listed per side (default 20). */
  maxOutliers?: number;
  /** Seed of the sampling PRNG: the same input gives the same profile (default 1). */
  seed?: number;
}

const MAX_METADATA_KEYS = 256;
/** N-gram counters hold 2× this many entries at most. */
const NGRAM_CAPACITY = 5000;
/** Outliers lie beyond this many interquartile ranges of log length. */
const IQR_FACTOR = 3;

type Counts = Record<string, number>;

function bump(counts: Counts, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function shares(counts: Counts, total: number): Counts {
  return Object.fromEntries(
    Object.entries(counts).map(([key, count]) => [key, total === 0 ? 0 : count / total]),
  );
}

function contentFields(record: DataRecord): string[] {
  const { content } = record;
  switch (content.kind) {
    case 'text':
      return content.text === '' ? [] : ['text'];
    case 'prompt-completion':
      return [content.prompt === '' ? '' : 'prompt', content.completion === '' ? '' : 'completion'].filter(
        Boolean,
      );
    case 'chat':
      return content.messages.length === 0 ? [] : ['messages'];
    case 'preference':
      return [
        content.prompt.length === 0 ? '' : 'prompt',
        content.chosen === '' ? '' : 'chosen',
        content.rejected === '' ? '' : 'rejected',
      ].filter(Boolean);
  }
}

/**
 * Builds a dataset profile while records stream through ingestion, in memory that does not grow with the
 * dataset: exact counts and char/word lengths for every record; token counts and n-grams exactly up to a
 * budget, then on a weighted sample (see `AdaptiveSampler`), which the profile says via `method`.
 */
export class ProfileBuilder {
  private input = 0;
  private kept = 0;
  private readonly droppedByReason: Counts = {};
  private readonly rejectedByReason: Counts = {};
  private readonly shapes: Counts = {};
  private readonly languages: Counts = {};
  private readonly piiHits: Counts = {};
  private recordsWithPii = 0;
  private readonly chars = new NumericDistribution('log2');
  private readonly words = new NumericDistribution('log2');
  private readonly tokens = new NumericDistribution('log2');
  private readonly quality = new NumericDistribution('linear');
  private readonly turns = new NumericDistribution('log2');
  private readonly roles: Counts = {};
  private conversations = 0;
  private totalChars = 0;
  private sampleChars = 0;
  private sampleTokens = 0;
  private readonly tokenSampler: AdaptiveSampler;
  private readonly ngramSampler: AdaptiveSampler;
  private readonly ngrams: Record<1 | 2 | 3, NgramHeavyHitters> = {
    1: new NgramHeavyHitters(NGRAM_CAPACITY),
    2: new NgramHeavyHitters(NGRAM_CAPACITY),
    3: new NgramHeavyHitters(NGRAM_CAPACITY),
  };
  private readonly extremes: LengthExtremes;
  private readonly contentCoverage: Counts = {};
  private readonly metadataCoverage = new Map<string, number>();
  private metadataKeysTruncated = false;
  private duplicates: DuplicateStats | null = null;

  private readonly tokenCounter: TokenCounter;

  constructor(private readonly options: ProfileBuilderOptions = {}) {
    this.tokenCounter = options.tokenCounter ?? o200kTokenCounter();
    const seed = options.seed ?? 1;
    this.tokenSampler = new AdaptiveSampler(options.tokenBudgetChars ?? 1_000_000, seed);
    this.ngramSampler = new AdaptiveSampler(options.ngramBudgetChars ?? 1_000_000, seed + 1);
    this.extremes = new LengthExtremes(Math.max(options.maxOutliers ?? 20, 1) * 2);
  }

  /** Count one record read from the input, kept or (with `annotations.dropReason`) dropped. */
  add(record: DataRecord, annotations: RecordAnnotations = {}): void {
    this.input++;
    if (annotations.qualityScore !== undefined) this.quality.add(annotations.qualityScore);
    if (annotations.dropReason !== undefined) {
      bump(this.droppedByReason, annotations.dropReason);
      return;
    }
    this.kept++;
    bump(this.shapes, record.content.kind);
    bump(this.languages, annotations.language ?? 'und');
    this.addPii(annotations.piiHits);
    this.addCoverage(record);

    const text = recordText(record);
    const chars = text.length;
    this.totalChars += chars;
    this.chars.add(chars);
    this.words.add(countWords(text));
    this.extremes.add(record.id, chars);
    this.addTokens(text, chars);
    this.addNgrams(text, chars);
    if (record.content.kind === 'chat') this.addChat(record.content.messages);
  }

  /**
   * Count a record dropped without handing it over (cleaning dropped it, or the caller counts an input
   * row that could not be read as a dropped record): it counts as input, dropped for `reason`.
   */
  addDropped(reason: string): void {
    this.input++;
    bump(this.droppedByReason, reason);
  }

  /** Count an input row that could not become a record, apart from records (`counts.rejected`). */
  addReject(reject: RecordReject): void {
    bump(this.rejectedByReason, reject.reason);
  }

  /** Duplicate clusters as dedup found them. */
  setDuplicates(stats: DuplicateStats): void {
    this.duplicates = { ...stats };
  }

  build(): DatasetProfile {
    const dropped = this.input - this.kept;
    const rejected = Object.values(this.rejectedByReason).reduce((a, b) => a + b, 0);
    const tokensSampled = this.tokenSampler.sampled;
    const quality = this.quality.toJSON();
    const tokenTotal =
      tokensSampled && this.sampleChars > 0
        ? (this.totalChars * this.sampleTokens) / this.sampleChars
        : this.sampleTokens;
    return {
      schemaVersion: 1,
      counts: {
        input: this.input,
        kept: this.kept,
        dropped,
        droppedByReason: { ...this.droppedByReason },
        rejected,
        rejectedByReason: { ...this.rejectedByReason },
      },
      recordShapes: { ...this.shapes },
      lengths: {
        chars: this.chars.toJSON(this.kept),
        words: this.words.toJSON(this.kept),
        tokens: {
          ...this.tokens.toJSON(this.kept),
          tokenizer: this.tokenCounter.name,
          method: tokensSampled ? 'sampled' : 'exact',
          total: Math.round(tokenTotal),
        },
      },
      languages: { counts: { ...this.languages }, shares: shares(this.languages, this.kept) },
      duplicates: this.duplicates,
      pii: { hitsByType: { ...this.piiHits }, recordsWithPii: this.recordsWithPii },
      quality: quality.measured === 0 ? null : quality,
      outliers: this.outliers(),
      ngrams: this.topNgrams(),
      fieldCoverage: {
        content: shares(this.contentCoverage, this.kept),
        metadata: shares(Object.fromEntries(this.metadataCoverage), this.kept),
        metadataKeysTruncated: this.metadataKeysTruncated,
      },
      chat:
        this.conversations === 0
          ? null
          : {
              conversations: this.conversations,
              turns: this.turns.toJSON(this.conversations),
              roles: { ...this.roles },
            },
    };
  }

  private addPii(hits: Record<string, number> | undefined): void {
    if (hits === undefined) return;
    let any = false;
    for (const [type, count] of Object.entries(hits)) {
      if (!(count > 0)) continue;
      bump(this.piiHits, type, count);
      any = true;
    }
    if (any) this.recordsWithPii++;
  }

  private addCoverage(record: DataRecord): void {
    for (const field of contentFields(record)) bump(this.contentCoverage, field);
    for (const key of Object.keys(record.metadata)) {
      const count = this.metadataCoverage.get(key);
      if (count !== undefined) this.metadataCoverage.set(key, count + 1);
      else if (this.metadataCoverage.size < MAX_METADATA_KEYS) this.metadataCoverage.set(key, 1);
      else this.metadataKeysTruncated = true;
    }
  }

  private addTokens(text: string, chars: number): void {
    const weight = this.tokenSampler.take(chars);
    if (weight === 0) return;
    const tokens = this.tokenCounter.count(text);
    this.tokens.add(tokens, weight);
    this.sampleChars += chars * weight;
    this.sampleTokens += tokens * weight;
  }

  private addNgrams(text: string, chars: number): void {
    const weight = this.ngramSampler.take(chars);
    if (weight === 0) return;
    countNgrams(wordsOf(text), weight, this.ngrams);
  }

  private addChat(messages: { role: string }[]): void {
    this.conversations++;
    this.turns.add(messages.length);
    for (const message of messages) bump(this.roles, message.role);
  }

  private outliers(): DatasetProfile['outliers'] {
    const limit = this.options.maxOutliers ?? 20;
    if (this.kept === 0) return { rule: 'chars-log-iqr-3', low: 0, high: 0, long: [], short: [] };
    // Lengths are skewed (a few very long records are normal), so quartiles are taken on log(1 + chars).
    const q1 = Math.log1p(this.chars.quantile(0.25));
    const q3 = Math.log1p(this.chars.quantile(0.75));
    const spread = Math.max(q3 - q1, Math.LN2 / IQR_FACTOR);
    const low = Math.max(0, Math.expm1(q1 - IQR_FACTOR * spread));
    const high = Math.expm1(q3 + IQR_FACTOR * spread);
    const pick = (list: readonly IdValue[], outside: (v: number) => boolean) =>
      list
        .filter((item) => outside(item.value))
        .slice(0, limit)
        .map((item) => ({ ...item }));
    return {
      rule: 'chars-log-iqr-3',
      low: Math.round(low),
      high: Math.round(high),
      long: pick(this.extremes.long, (v) => v > high),
      short: pick(this.extremes.short, (v) => v < low),
    };
  }

  private topNgrams(): DatasetProfile['ngrams'] {
    const limit = this.options.topNgrams ?? 20;
    const ranked = (hitters: NgramHeavyHitters) =>
      hitters.top(limit).map(({ key, count }) => ({
        ngram: key,
        count: Math.round(count),
        share: hitters.total === 0 ? 0 : Math.min(count / hitters.total, 1),
      }));
    const { 1: unigrams, 2: bigrams, 3: trigrams } = this.ngrams;
    return {
      method: this.ngramSampler.sampled ? 'sampled' : 'exact',
      approximate: unigrams.approximate || bigrams.approximate || trigrams.approximate,
      unigrams: ranked(unigrams),
      bigrams: ranked(bigrams),
      trigrams: ranked(trigrams),
    };
  }
}
