import { NgramRepetition } from './ngram-repetition';
import type { StopWordMatcher } from './stop-word-matcher';
import { TextScanner } from './text-scanner';

/** Thresholds of the Gopher rules; `null` turns a rule off. Keys of the n-gram maps are n. */
export interface QualityThresholds {
  minWords: number | null;
  maxWords: number | null;
  minMeanWordLength: number | null;
  maxMeanWordLength: number | null;
  maxSymbolWordRatio: number | null;
  maxBulletLineFraction: number | null;
  maxEllipsisLineFraction: number | null;
  minAlphaWordFraction: number | null;
  minStopWords: number | null;
  maxDuplicateLineFraction: number | null;
  maxDuplicateLineCharFraction: number | null;
  maxTopNgramCharFraction: Partial<Record<'2' | '3' | '4', number | null>>;
  maxDuplicateNgramCharFraction: Partial<Record<'5' | '6' | '7' | '8' | '9' | '10', number | null>>;
}

/** The outcome for one text: a score in [0, 1] and the first rule it failed, if any. */
export interface QualityVerdict {
  /**
   * In [0, 1]. Each rule scores 0.5 at its limit, towards 1 with headroom and towards 0 past it. A text
   * passing every rule scores the mean of its rule scores (≥ 0.5); a failing one its worst rule (< 0.5).
   */
  score: number;
  /** Name of the first failed rule (reason `quality:<name>`), e.g. `symbol-ratio`. */
  failed?: string;
  /** `value > limit`-style explanation of the failure. */
  detail?: string;
}

// Per-rule score: 0.5 exactly at the limit, towards 1 with more headroom, towards 0 the further past it.
function scoreAtMost(value: number, limit: number): number {
  if (limit <= 0) return value <= 0 ? 1 : 0;
  return value <= limit ? 1 - (0.5 * value) / limit : (0.5 * limit) / value;
}

function scoreAtLeast(value: number, limit: number): number {
  if (limit <= 0) return 1;
  return value >= limit ? 1 - (0.5 * limit) / value : (0.5 * value) / limit;
}

const TOP_NGRAMS = ['2', '3', '4'] as const;
const DUPLICATE_NGRAMS = ['5', '6', '7', '8', '9', '10'] as const;

/**
 * Evaluates Gopher-style quality rules (Rae et al., 2021, as used by NeMo Curator and Data-Juicer) on a
 * text. One instance per pipeline: its scanning buffers are reused for every record.
 */
export class QualityHeuristics {
  private readonly scanner = new TextScanner();
  private readonly ngrams = new NgramRepetition();
  private readonly top = new Float64Array(11);
  private readonly duplicates = new Float64Array(11);
  private readonly maxTop: number;
  private readonly duplicateFrom: number;
  private readonly duplicateTo: number;

  constructor(
    private readonly thresholds: QualityThresholds,
    private readonly stopWords: StopWordMatcher,
  ) {
    const tops = TOP_NGRAMS.filter((key) => typeof thresholds.maxTopNgramCharFraction[key] === 'number');
    this.maxTop = tops.length > 0 ? Number(tops[tops.length - 1]) : 0;
    const dups = DUPLICATE_NGRAMS.filter(
      (key) => typeof thresholds.maxDuplicateNgramCharFraction[key] === 'number',
    );
    this.duplicateFrom = dups.length > 0 ? Number(dups[0]) : 0;
    this.duplicateTo = dups.length > 0 ? Number(dups[dups.length - 1]) : -1;
  }

  /** `checkStopWords` is false for records in a language the stop-word list is not for. */
  evaluate(text: string, checkStopWords: boolean): QualityVerdict {
    const t = this.thresholds;
    const useStops = checkStopWords && t.minStopWords !== null;
    const s = this.scanner;
    s.scan(text, useStops ? this.stopWords : undefined);

    let total = 0;
    let rules = 0;
    let worst = 1;
    let failed: string | undefined;
    let detail: string | undefined;
    const atMost = (name: string, value: number, limit: number | null | undefined, param: string): void => {
      if (limit === null || limit === undefined) return;
      const score = scoreAtMost(value, limit);
      total += score;
      worst = Math.min(worst, score);
      rules++;
      if (failed === undefined && value > limit) {
        failed = name;
        detail = `${round(value)} > ${param} ${limit}`;
      }
    };
    const atLeast = (name: string, value: number, limit: number | null | undefined, param: string): void => {
      if (limit === null || limit === undefined) return;
      const score = scoreAtLeast(value, limit);
      total += score;
      worst = Math.min(worst, score);
      rules++;
      if (failed === undefined && value < limit) {
        failed = name;
        detail = `${round(value)} < ${param} ${limit}`;
      }
    };

    const words = s.count;
    atLeast('min-words', words, t.minWords, 'minWords');
    atMost('max-words', words, t.maxWords, 'maxWords');
    const meanLength = words === 0 ? 0 : s.chars / words;
    atLeast('mean-word-length', meanLength, t.minMeanWordLength, 'minMeanWordLength');
    atMost('mean-word-length', meanLength, t.maxMeanWordLength, 'maxMeanWordLength');
    const symbolRatio = words === 0 ? 0 : Math.max(s.hashes, s.ellipses) / words;
    atMost('symbol-ratio', symbolRatio, t.maxSymbolWordRatio, 'maxSymbolWordRatio');
    const lines = Math.max(s.lines, 1);
    atMost('bullet-lines', s.bulletLines / lines, t.maxBulletLineFraction, 'maxBulletLineFraction');
    atMost('ellipsis-lines', s.ellipsisLines / lines, t.maxEllipsisLineFraction, 'maxEllipsisLineFraction');
    atLeast(
      'alpha-words',
      words === 0 ? 0 : s.alphaWords / words,
      t.minAlphaWordFraction,
      'minAlphaWordFraction',
    );
    if (useStops) atLeast('stop-words', s.stopWords, t.minStopWords, 'minStopWords');
    atMost(
      'duplicate-lines',
      s.duplicateLines / lines,
      t.maxDuplicateLineFraction,
      'maxDuplicateLineFraction',
    );
    const chars = Math.max(text.length, 1);
    atMost(
      'duplicate-line-chars',
      s.duplicateLineChars / chars,
      t.maxDuplicateLineCharFraction,
      'maxDuplicateLineCharFraction',
    );
    if (this.maxTop > 0 || this.duplicateTo > 0) {
      this.ngrams.measure(s, this.maxTop, this.duplicateFrom, this.duplicateTo, this.top, this.duplicates);
    }
    for (const key of TOP_NGRAMS) {
      const n = Number(key);
      atMost(
        `top-${n}gram`,
        this.top[n] ?? 0,
        t.maxTopNgramCharFraction[key],
        `maxTopNgramCharFraction.${n}`,
      );
    }
    for (const key of DUPLICATE_NGRAMS) {
      const n = Number(key);
      atMost(
        `duplicate-${n}gram`,
        this.duplicates[n] ?? 0,
        t.maxDuplicateNgramCharFraction[key],
        `maxDuplicateNgramCharFraction.${n}`,
      );
    }

    if (failed !== undefined) return { score: round4(worst), failed, detail };
    return { score: rules === 0 ? 1 : round4(total / rules) };
  }
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
