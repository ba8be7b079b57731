import { type BleuTokenizerName, tokenizeBleu } from './bleu-tokenizer';
import { BLEU_SMOOTH_DEFAULTS, type BleuNumbers, type BleuSmoothMethod, computeBleu } from './bleu-score';
import { type BleuStatistics, bleuSegmentStatistics, sumBleuStatistics } from './bleu-statistics';
import { assertAlignedStreams } from './metric-input.error';
import { pythonFixed, pythonRstrip } from './python-text';
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

type ResolvedOptions = Required<Omit<BleuOptions, 'smoothValue'>> & { smoothValue: number | undefined };

function resolve(options: BleuOptions, effectiveOrderDefault: boolean): ResolvedOptions {
  return {
    tokenize: options.tokenize ?? '13a',
    lowercase: options.lowercase ?? false,
    smooth: options.smooth ?? 'exp',
    smoothValue: options.smoothValue,
    effectiveOrder: options.effectiveOrder ?? effectiveOrderDefault,
  };
}

function bleuSignature(nrefs: number, o: ResolvedOptions): string {
  const smoothDefault = BLEU_SMOOTH_DEFAULTS[o.smooth];
  const smooth =
    smoothDefault === null ? o.smooth : `${o.smooth}[${pythonFixed(o.smoothValue ?? smoothDefault, 2)}]`;
  const kase = o.lowercase ? 'lc' : 'mixed';
  const eff = o.effectiveOrder ? 'yes' : 'no';
  return `nrefs:${nrefs}|case:${kase}|eff:${eff}|tok:${o.tokenize}|smooth:${smooth}|version:${SACREBLEU_COMPAT_VERSION}`;
}

function preprocess(segment: string, o: ResolvedOptions): string {
  return tokenizeBleu(pythonRstrip(o.lowercase ? segment.toLowerCase() : segment), o.tokenize);
}

function score(stats: BleuStatistics, nrefs: number, o: ResolvedOptions): BleuScore {
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
  const o = resolve(options, false);
  const segments = hypotheses.map((hypothesis, i) =>
    bleuSegmentStatistics(
      preprocess(hypothesis, o),
      references.map((stream) => preprocess(stream[i] ?? '', o)),
      MAX_NGRAM_ORDER,
    ),
  );
  return score(sumBleuStatistics(segments, MAX_NGRAM_ORDER), references.length, o);
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
