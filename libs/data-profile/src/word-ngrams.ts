import { hashWord, type NgramHeavyHitters } from './ngram-heavy-hitters';

// A module-level binding: under a vm context (jest) a `Math.` lookup in a hot loop is dozens of times slower.
const { imul } = Math;

/** Common English function words; n-grams made only of these say nothing about the data. */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from as is are was were be been being it its ' +
    'this that these those i you he she we they me him her us them my your his our their not no yes do does did ' +
    'have has had will would can could should may might must so than too very just also there here what which who ' +
    'whom how why when where all any each some such only own same into over under about up down out off again ' +
    's t don am'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased words of a text: letters and digits, keeping inner apostrophes (don't, l'homme). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Calls `emit` for each word 1-, 2- and 3-gram worth counting (stop-word-only n-grams are skipped). */
export function forEachNgram(words: string[], emit: (n: 1 | 2 | 3, ngram: string) => void): void {
  for (let i = 0; i < words.length; i++) {
    const w0 = words[i] as string;
    const stop0 = STOP_WORDS.has(w0);
    if (!stop0) emit(1, w0);
    if (i >= 1) {
      const w1 = words[i - 1] as string;
      const stop1 = STOP_WORDS.has(w1);
      if (!(stop0 && stop1)) emit(2, `${w1} ${w0}`);
      if (i >= 2) {
        const w2 = words[i - 2] as string;
        if (!(stop0 && stop1 && STOP_WORDS.has(w2))) emit(3, `${w2} ${w1} ${w0}`);
      }
    }
  }
}

/** Word hashes of the record being counted, reused (grown when a record has more words than any before). */
let hashA = new Int32Array(1024);
let hashB = new Int32Array(1024);
let isStop = new Uint8Array(1024);
const wordHash = new Int32Array(2);

/**
 * Adds `weight` for each word 1-, 2- and 3-gram of `words` worth counting (the n-grams `forEachNgram`
 * emits) to `counters[n]`, keyed by hashes of the words: no n-gram string is built unless it is new.
 */
export function countNgrams(
  words: readonly string[],
  weight: number,
  counters: Record<1 | 2 | 3, NgramHeavyHitters>,
): void {
  if (words.length > hashA.length) {
    const size = words.length * 2;
    hashA = new Int32Array(size);
    hashB = new Int32Array(size);
    isStop = new Uint8Array(size);
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    hashWord(word, wordHash);
    const a0 = wordHash[0] ?? 0;
    const b0 = wordHash[1] ?? 0;
    hashA[i] = a0;
    hashB[i] = b0;
    const stop0 = STOP_WORDS.has(word);
    isStop[i] = stop0 ? 1 : 0;
    if (!stop0) counters[1].add(a0, b0, weight, words, i, 1);
    if (i < 1) continue;
    const stop1 = isStop[i - 1] === 1;
    // Multiplied before the next word is mixed in, so word order matters ("a b" is not "b a").
    let a = imul((hashA[i - 1] ?? 0) ^ 0x2545f491, 0x01000193);
    let b = imul((hashB[i - 1] ?? 0) + 0x2545f491, 0x85ebca6b);
    a = imul(a ^ a0, 0x01000193);
    b = imul(b + b0, 0x85ebca6b);
    if (!(stop0 && stop1)) counters[2].add(a, b ^ (b >>> 15), weight, words, i, 2);
    if (i < 2 || (stop0 && stop1 && isStop[i - 2] === 1)) continue;
    a = imul((hashA[i - 2] ?? 0) ^ 0x2545f491, 0x01000193);
    b = imul((hashB[i - 2] ?? 0) + 0x2545f491, 0x85ebca6b);
    a = imul(a ^ (hashA[i - 1] ?? 0), 0x01000193);
    b = imul(b + (hashB[i - 1] ?? 0), 0x85ebca6b);
    b ^= b >>> 15;
    a = imul(a ^ a0, 0x01000193);
    b = imul(b + b0, 0x85ebca6b);
    counters[3].add(a, b ^ (b >>> 15), weight, words, i, 3);
  }
}

/** Whitespace-separated words, counted without allocating (this runs on every record). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII, most of any text, is decided by one comparison pair.
    const space =
      c > 32 && c < 0x7f
        ? false
        : c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
