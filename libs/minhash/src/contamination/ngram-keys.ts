import { sha1Hash53Range } from '../hashing/sha1-hash32';
import type { TokenBuffer } from '../text/token-buffer';

/**
 * 53-bit keys (SHA-1 prefix) of the word n-grams of the tokens in `tokens`, written to out[from…];
 * returns the new end. A document with fewer than n tokens has no n-gram (unlike dedup shingling:
 * contamination asks for n consecutive matching words). At 53 bits, a false match needs ~10^7 eval
 * n-grams × 10^8 record n-grams before one is expected.
 */
export function writeNgramKeys(tokens: TokenBuffer, n: number, out: Float64Array, from: number): number {
  let end = from;
  for (let i = 0; i + n <= tokens.count; i++) {
    out[end++] = sha1Hash53Range(tokens.bytes, tokens.shingleStart(i), tokens.shingleEnd(i, n));
  }
  return end;
}

/** Sorts keys[from, to) and removes repeats in place; returns the new end. */
export function uniqueKeys(keys: Float64Array, from: number, to: number): number {
  if (to - from < 2) return to;
  keys.subarray(from, to).sort();
  let end = from + 1;
  for (let i = from + 1; i < to; i++) if (keys[i] !== keys[end - 1]) keys[end++] = keys[i] ?? 0;
  return end;
}
