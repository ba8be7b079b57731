import { pythonSplit } from '../bleu/python-text';

type Counts = Map<string, number>;

// Python's string.punctuation, which chrF++ peels off word edges.
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

function count(items: Iterable<string>): Counts {
  const counts: Counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function* windows<T>(items: readonly T[], n: number): Generator<T[]> {
  for (let i = 0; i + n <= items.length; i++) yield items.slice(i, i + n);
}

/** Character n-grams of orders 1..charOrder; whitespace is dropped unless `whitespace` is set. */
function charNgrams(line: string, charOrder: number, whitespace: boolean): Counts[] {
  // Python slices code points, so astral characters count as one character.
  const chars = Array.from(whitespace ? line : pythonSplit(line).join(''));
  return Array.from({ length: charOrder }, (_, i) =>
    count(Array.from(windows(chars, i + 1), (w) => w.join(''))),
  );
}

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

/** All n-gram counters of one segment: char orders first, then word orders (chrF++). */
export function chrfNgrams(
  line: string,
  charOrder: number,
  wordOrder: number,
  whitespace: boolean,
): Counts[] {
  const counters = charNgrams(line, charOrder, whitespace);
  if (wordOrder > 0) {
    const words = splitPunctuation(line);
    for (let n = 1; n <= wordOrder; n++)
      counters.push(count(Array.from(windows(words, n), (w) => w.join(' '))));
  }
  return counters;
}

/** [hyp count, ref count, matches] for one order; hyp n-grams count only when the reference has any. */
export function matchStatistics(hyp: Counts, ref: Counts): [number, number, number] {
  let matches = 0;
  let hypCount = 0;
  for (const [ngram, n] of hyp) {
    hypCount += n;
    matches += Math.min(n, ref.get(ngram) ?? 0);
  }
  let refCount = 0;
  for (const n of ref.values()) refCount += n;
  return [ref.size > 0 ? hypCount : 0, refCount, matches];
}
