import { sumSegmentStatistics } from '../ngram/segment-statistics';
import { TokenSpans } from '../ngram/token-spans';
import { type BleuTokenizerName, bleuTokens } from './bleu-tokenizer';
import { BLEU_SMOOTH_DEFAULTS, type BleuNumbers, type BleuSmoothMethod, computeBleu } from './bleu-score';
import {
  type BleuSegmentTokenizer,
  type BleuStatistics,
  bleuSegmentStatistics,
  bleuStatisticsAt,
  bleuStatisticsWidth,
} from './bleu-statistics';
import { assertAlignedStreams } from './metric-input.error';
import { pythonFixed, pythonRstrip } from './python-text';
import { spans13a } from './tokenize-13a';
import { SACREBLEU_COMPAT_VERSION } from './sacrebleu-compat';

const MAX_NGRAM_ORDER = 4;

export interface BleuOptions {
  /** Default `13a`. */
  tokenize?: BleuTokenizerName;
  lowercase?: boolean;
  /** Default `exp`. */
  smooth?: BleuSmoothMethod;
  /** For `floor` (default 0.1) and `add-k` (default 1). */
  smoothValue?: number;
  /** Default false for corpus BLEU, true for sentence BLEU (as sacreBLEU's corpus_bleu/sentence_bleu). */
  effectiveOrder?: boolean;
}

export interface BleuScore extends BleuNumbers {
  /** sys_len / ref_len, 0 without reference tokens. */
  ratio: number;
  /** e.g. `nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0`. */
  signature: string;
}

export type ResolvedBleuOptions = Required<Omit<BleuOptions, 'smoothValue'>> & {
  smoothValue: number | undefined;
};

export function resolveBleuOptions(
  options: BleuOptions,
  effectiveOrderDefault: boolean,
): ResolvedBleuOptions {
  return {
    tokenize: options.tokenize ?? '13a',
    lowercase: options.lowercase ?? false,
    smooth: options.smooth ?? 'exp',
    smoothValue: options.smoothValue,
    effectiveOrder: options.effectiveOrder ?? effectiveOrderDefault,
  };
}

function bleuSignature(nrefs: number, o: ResolvedBleuOptions): string {
  const smoothDefault = BLEU_SMOOTH_DEFAULTS[o.smooth];
  const smooth =
    smoothDefault === null ? o.smooth : `${o.smooth}[${pythonFixed(o.smoothValue ?? smoothDefault, 2)}]`;
  const kase = o.lowercase ? 'lc' : 'mixed';
  const eff = o.effectiveOrder ? 'yes' : 'no';
  return `nrefs:${nrefs}|case:${kase}|eff:${eff}|tok:${o.tokenize}|smooth:${smooth}|version:${SACREBLEU_COMPAT_VERSION}`;
}

const spans = new TokenSpans();

/** sacreBLEU's `_preprocess_segment` (lowercase, rstrip, tokenize), then Python's `split()`. */
function tokenizer(o: ResolvedBleuOptions): BleuSegmentTokenizer {
  const prep = (segment: string): string => pythonRstrip(o.lowercase ? segment.toLowerCase() : segment);
  if (o.tokenize === '13a')
    // The common case, without a substring per token.
    return (segment, sink) => {
      spans13a(prep(segment), spans);
      for (let i = 0; i < spans.count; i++)
        sink.appendSlice(spans.line, spans.starts[i] as number, spans.ends[i] as number);
    };
  return (segment, sink) => {
    for (const token of bleuTokens(prep(segment), o.tokenize)) sink.appendWord(token);
  };
}

/** Per-segment statistics of an aligned corpus, in `bleuStatisticsWidth(MAX_NGRAM_ORDER)` columns. */
export function bleuCorpusStatistics(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  o: ResolvedBleuOptions,
): Float64Array {
  return bleuSegmentStatistics(hypotheses, references, tokenizer(o), MAX_NGRAM_ORDER);
}

/** The score of summed statistics (flat layout). */
export function bleuFromTotals(totals: Float64Array, nrefs: number, o: ResolvedBleuOptions): BleuScore {
  return score(bleuStatisticsAt(totals, MAX_NGRAM_ORDER), nrefs, o);
}

function score(stats: BleuStatistics, nrefs: number, o: ResolvedBleuOptions): BleuScore {
  const numbers = computeBleu(stats, {
    smooth: o.smooth,
    smoothValue: o.smoothValue,
    effectiveOrder: o.effectiveOrder,
    maxOrder: MAX_NGRAM_ORDER,
  });
  const ratio = numbers.refLen ? numbers.sysLen / numbers.refLen : 0;
  return { ...numbers, ratio, signature: bleuSignature(nrefs, o) };
}

/**
 * Corpus BLEU as sacreBLEU's `corpus_bleu`: `references` is a list of reference streams, each aligned
 * with `hypotheses`. Throws `MetricInputError` on an empty corpus or misaligned streams.
 */
export function corpusBleu(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: BleuOptions = {},
): BleuScore {
  assertAlignedStreams(hypotheses, references);
  const o = resolveBleuOptions(options, false);
  const perSegment = bleuCorpusStatistics(hypotheses, references, o);
  return bleuFromTotals(
    sumSegmentStatistics(perSegment, bleuStatisticsWidth(MAX_NGRAM_ORDER)),
    references.length,
    o,
  );
}

/** Sentence BLEU as sacreBLEU's `sentence_bleu` (effective order on by default). */
export function sentenceBleu(
  hypothesis: string,
  references: readonly string[],
  options: BleuOptions = {},
): BleuScore {
  return corpusBleu(
    [hypothesis],
    references.map((reference) => [reference]),
    {
      ...options,
      effectiveOrder: options.effectiveOrder ?? true,
    },
  );
}

/** sacreBLEU's text line, e.g. `BLEU|nrefs:1|… = 42.68 78.0/61.8/59.2/54.4 (BP = 0.680 ratio = 0.722 …)`. */
export function formatBleu(result: BleuScore, width = 2): string {
  const precisions = result.precisions.map((p) => pythonFixed(p, 1)).join('/');
  const verbose = `${precisions} (BP = ${pythonFixed(result.bp, 3)} ratio = ${pythonFixed(result.ratio, 3)} hyp_len = ${result.sysLen} ref_len = ${result.refLen})`;
  return `BLEU|${result.signature} = ${pythonFixed(result.score, width)} ${verbose}`;
}
