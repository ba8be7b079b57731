import { MetricInputError } from '../bleu/metric-input.error';
import { isPythonWhitespace } from '../bleu/python-text';
import { quantileSorted } from '../stats/quantile.util';

export interface LengthStatistics {
  /** Number of texts. */
  count: number;
  /** Words are whitespace-separated pieces, as Python's `str.split()` counts them. */
  meanWords: number;
  /** Median word count (linear interpolation between order statistics, as numpy). */
  p50Words: number;
  /** 95th-percentile word count (same interpolation). */
  p95Words: number;
  maxWords: number;
  /** Characters are Unicode code points, as Python's `len()` counts them. */
  meanChars: number;
  /** Texts with no words: empty or whitespace only. */
  emptyCount: number;
}

/** Word and code-point counts of one text in one pass. */
function measure(text: string): { words: number; chars: number } {
  let words = 0;
  let chars = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one code point: count its high half only.
    if (code < 0xdc00 || code > 0xdfff || i === 0 || !isHighSurrogate(text.charCodeAt(i - 1))) chars++;
    const space = isPythonWhitespace(code);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return { words, chars };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Length profile of a set of texts (generations, references, prompts). Throws on an empty set. */
export function lengthStatistics(texts: readonly string[]): LengthStatistics {
  if (texts.length === 0) throw new MetricInputError('EMPTY_CORPUS', 'no texts to measure');
  const words = new Float64Array(texts.length);
  let totalWords = 0;
  let totalChars = 0;
  let emptyCount = 0;
  texts.forEach((text, i) => {
    const m = measure(text);
    words[i] = m.words;
    totalWords += m.words;
    totalChars += m.chars;
    if (m.words === 0) emptyCount++;
  });
  words.sort();
  return {
    count: texts.length,
    meanWords: totalWords / texts.length,
    p50Words: quantileSorted(words, 0.5),
    p95Words: quantileSorted(words, 0.95),
    maxWords: words[words.length - 1] as number,
    meanChars: totalChars / texts.length,
    emptyCount,
  };
}
