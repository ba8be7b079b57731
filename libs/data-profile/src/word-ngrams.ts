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

/** Whitespace-separated words, counted without allocating (this runs on every record). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
