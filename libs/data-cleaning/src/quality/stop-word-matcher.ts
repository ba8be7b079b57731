/** The stop words Gopher (Rae et al., 2021) requires at least two of in an English document. */
export const GOPHER_STOP_WORDS: readonly string[] = ['the', 'be', 'to', 'of', 'and', 'that', 'have', 'with'];

// Lower-case ASCII words up to 11 letters pack exactly into a safe integer (base 27), so matching a scanned
// word needs no substring; other stop words (accents, apostrophes) fall back to a string set.
const MAX_PACKED = 11;

/** Packs a lower-case ASCII word, or returns -1 when it does not fit the packed form. */
export function packWord(word: string): number {
  if (word.length === 0 || word.length > MAX_PACKED) return -1;
  let packed = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return -1;
    packed = packed * 27 + (code - 96);
  }
  return packed;
}

/** A stop-word list split for the scanner: packed integers, and whatever cannot be packed. */
export interface StopWordMatcher {
  packed: Set<number>;
  /** Longest packed word: longer scanned words are not looked up. */
  packedMaxLength: number;
  /** Lower-cased words that need the slow path; empty for the Gopher list. */
  others: Set<string>;
  /** Longest word in `others` (the slow path only looks at words up to this long). */
  othersMaxLength: number;
}

export function stopWordMatcher(words: readonly string[]): StopWordMatcher {
  const packed = new Set<number>();
  const others = new Set<string>();
  let packedMaxLength = 0;
  let othersMaxLength = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    const code = packWord(lower);
    if (code >= 0) {
      packed.add(code);
      packedMaxLength = Math.max(packedMaxLength, lower.length);
    } else {
      others.add(lower);
      othersMaxLength = Math.max(othersMaxLength, lower.length);
    }
  }
  return { packed, packedMaxLength, others, othersMaxLength };
}
