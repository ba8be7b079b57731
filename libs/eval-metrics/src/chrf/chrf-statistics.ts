import { pythonSplit } from '../bleu/python-text';
import { NgramMatcher, type SymbolRange } from '../ngram/ngram-matcher';
import { SymbolInterner } from '../ngram/symbol-interner';
import { chrfFScore } from './chrf-score';
import { chrfScoring, type ResolvedChrfOptions } from './chrf-options';

/** [hyp count, ref count, matches] per order, char orders first, then word orders (chrF++). */
export const CHRF_STATS_PER_ORDER = 3;

// Python's string.punctuation, which chrF++ peels off word edges.
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/** sacreBLEU's `_remove_punctuation`: one leading or trailing ASCII punctuation mark becomes its own word. */
function splitPunctuation(sentence: string): string[] {
  const words: string[] = [];
  for (const word of pythonSplit(sentence)) {
    const chars = Array.from(word);
    const first = chars[0] ?? '';
    const last = chars.at(-1) ?? '';
    // Only one side is split, so '(hi)' becomes '(hi' and ')' (sacreBLEU issue #124).
    if (chars.length === 1) words.push(word);
    else if (PUNCTUATION.has(last)) words.push(chars.slice(0, -1).join(''), last);
    else if (PUNCTUATION.has(first)) words.push(first, chars.slice(1).join(''));
    else words.push(word);
  }
  return words;
}

/** Reused across calls (JS runs one call at a time; nothing here is re-entrant). */
const chars = new SymbolInterner();
const words = new SymbolInterner();
const matcher = new NgramMatcher();

function appendWords(text: string): SymbolRange {
  const start = words.length;
  for (const word of splitPunctuation(text)) words.appendWord(word);
  return { start, end: words.length };
}

/** [hyp, ref, match] of orders offset+1..offset+order; hyp n-grams count only when the reference has any. */
function fillCounts(
  stats: Float64Array,
  offset: number,
  order: number,
  hyp: SymbolRange,
  ref: SymbolRange,
  matches: Float64Array,
): void {
  const hypLen = hyp.end - hyp.start;
  const refLen = ref.end - ref.start;
  for (let n = 1; n <= order; n++) {
    const refCount = Math.max(0, refLen - n + 1);
    const at = CHRF_STATS_PER_ORDER * (offset + n - 1);
    stats[at] = refCount > 0 ? Math.max(0, hypLen - n + 1) : 0;
    stats[at + 1] = refCount;
    stats[at + 2] = matches[n - 1] as number;
  }
}

/**
 * Per-segment chrF statistics as sacreBLEU's `CHRF._compute_segment_statistics`: against the reference
 * with the best sentence-level F (the first one on a tie). Segment i occupies
 * `[i * width, (i + 1) * width)` with width = 3 × (charOrder + wordOrder). Streams must be aligned.
 */
export function chrfSegmentStatistics(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  o: ResolvedChrfOptions,
): Float64Array {
  const scoring = chrfScoring(o);
  const width = CHRF_STATS_PER_ORDER * scoring.order;
  const out = new Float64Array(hypotheses.length * width);
  const stats = new Float64Array(width);
  const matches = new Float64Array(Math.max(o.charOrder, o.wordOrder, 1));
  const prep = (s: string): string => (o.lowercase ? s.toLowerCase() : s);
  const refChars: SymbolRange[] = [];
  const refWords: SymbolRange[] = [];
  for (let i = 0; i < hypotheses.length; i++) {
    chars.reset();
    words.reset();
    refChars.length = 0;
    refWords.length = 0;
    const hypothesis = prep(hypotheses[i] ?? '');
    const hypChars = { start: 0, end: chars.appendCodePoints(hypothesis, o.whitespace) };
    const hypWords = o.wordOrder > 0 ? appendWords(hypothesis) : hypChars;
    for (const stream of references) {
      const reference = prep(stream[i] ?? '');
      const start = chars.length;
      refChars.push({ start, end: start + chars.appendCodePoints(reference, o.whitespace) });
      if (o.wordOrder > 0) refWords.push(appendWords(reference));
    }
    let bestF = -1;
    for (let r = 0; r < refChars.length; r++) {
      const refC = refChars[r] as SymbolRange;
      matcher.match(chars.symbols, chars.alphabet, hypChars, [refC], o.charOrder, matches);
      fillCounts(stats, 0, o.charOrder, hypChars, refC, matches);
      if (o.wordOrder > 0) {
        const refW = refWords[r] as SymbolRange;
        matcher.match(words.symbols, words.alphabet, hypWords, [refW], o.wordOrder, matches);
        fillCounts(stats, o.charOrder, o.wordOrder, hypWords, refW, matches);
      }
      const f = chrfFScore(stats, scoring);
      if (f > bestF) {
        bestF = f;
        out.set(stats, i * width);
      }
    }
  }
  return out;
}
