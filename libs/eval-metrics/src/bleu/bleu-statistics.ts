import { NgramMatcher, type SymbolRange } from '../ngram/ngram-matcher';
import { SymbolInterner } from '../ngram/symbol-interner';

/** Per-segment sufficient statistics, summed over a corpus before scoring. */
export interface BleuStatistics {
  sysLen: number;
  refLen: number;
  correct: number[];
  total: number[];
}

/** Flat layout of one segment's statistics: [sysLen, refLen, correct 1..maxOrder, total 1..maxOrder]. */
export const bleuStatisticsWidth = (maxOrder: number): number => 2 + 2 * maxOrder;

/** Reads one segment's (or a sum's) statistics out of the flat layout. */
export function bleuStatisticsAt(flat: ArrayLike<number>, maxOrder: number, at = 0): BleuStatistics {
  const correct: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < maxOrder; i++) {
    correct.push(flat[at + 2 + i] ?? 0);
    total.push(flat[at + 2 + maxOrder + i] ?? 0);
  }
  return { sysLen: flat[at] ?? 0, refLen: flat[at + 1] ?? 0, correct, total };
}

/** The reference length closest to the hypothesis length; the shorter one on a tie. */
function closestRefLen(hypLen: number, refs: readonly SymbolRange[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const r of refs) {
    const refLen = r.end - r.start;
    const diff = Math.abs(hypLen - refLen);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = refLen;
    } else if (diff === closestDiff && refLen < closestLen) closestLen = refLen;
  }
  return closestLen;
}

/** Reused across calls (JS runs one call at a time; nothing here is re-entrant). */
const words = new SymbolInterner();
const matcher = new NgramMatcher();

/** Appends one segment's tokens to `sink` as word symbols. */
export type BleuSegmentTokenizer = (segment: string, sink: SymbolInterner) => void;

function appendTokens(segment: string, tokenize: BleuSegmentTokenizer): SymbolRange {
  const start = words.length;
  tokenize(segment, words);
  return { start, end: words.length };
}

/**
 * Clipped n-gram matches of each (tokenized) hypothesis against all its references, as sacreBLEU's
 * `BLEU._compute_segment_statistics`: a hypothesis n-gram may match as often as it occurs in the
 * reference that holds it most. Segment i occupies `[i * width, (i + 1) * width)` of the result
 * (`bleuStatisticsWidth`). Streams must be aligned.
 */
export function bleuSegmentStatistics(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  tokenize: BleuSegmentTokenizer,
  maxOrder: number,
): Float64Array {
  const width = bleuStatisticsWidth(maxOrder);
  const out = new Float64Array(hypotheses.length * width);
  const refs: SymbolRange[] = [];
  for (let i = 0; i < hypotheses.length; i++) {
    words.reset();
    refs.length = 0;
    const hyp = appendTokens(hypotheses[i] ?? '', tokenize);
    for (const stream of references) refs.push(appendTokens(stream[i] ?? '', tokenize));
    const at = i * width;
    const hypLen = hyp.end - hyp.start;
    out[at] = hypLen;
    out[at + 1] = closestRefLen(hypLen, refs);
    matcher.match(words.symbols, words.alphabet, hyp, refs, maxOrder, out, at + 2);
    for (let n = 1; n <= maxOrder; n++) out[at + 1 + maxOrder + n] = Math.max(0, hypLen - n + 1);
  }
  return out;
}
