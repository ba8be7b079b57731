import { dedupCharTables, PUNCTUATION, SPACE } from './dedup-char-tables';

// Module-level bindings: under a vm context (jest) a `Math.` lookup in a hot loop is dozens of times slower.
const { imul } = Math;

/** How text is normalised before exact deduplication; each option makes more near-identical texts equal. */
export interface DedupKeyOptions {
  /** Fold compatibility characters (NFKC): full-width, ligatures, non-breaking spaces. */
  nfkc: boolean;
  lowercase: boolean;
  /** Ignore Unicode punctuation (`\p{P}`): "Hello, world!" and "hello world" become one. */
  stripPunctuation: boolean;
  /** Treat any whitespace run as one space and ignore leading/trailing whitespace. */
  collapseWhitespace: boolean;
}

const NON_ASCII = /[\u0080-\uffff]/;
// The 32-bit words of the block being filled; module-level so hashing allocates nothing.
const block = new Int32Array(4);
const C1 = 0x239b961b;
const C2 = 0xab0e9789 | 0;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93 | 0;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A 128-bit digest (four int32 words in `out`) of the text's dedup key — the text normalised per
 * `options` — computed in one pass without building the key: code units are classified and lower-cased
 * through lookup tables and fed, two per 32-bit word, into MurmurHash3-x86-128-style mixing. Not
 * cryptographic: it separates accidental duplicates, not adversarial ones.
 */
export function dedupDigest(input: string, options: DedupKeyOptions, out: Int32Array): void {
  const { classes, lower } = dedupCharTables();
  const text = options.nfkc && NON_ASCII.test(input) ? input.normalize('NFKC') : input;
  const { lowercase, stripPunctuation, collapseWhitespace } = options;

  let h1 = 0x5eed;
  let h2 = 0x5eed;
  let h3 = 0x5eed;
  let h4 = 0x5eed;
  let words = 0; // 32-bit words collected in the current block
  let units = 0; // code units fed
  let half = -1; // a code unit waiting for its pair, or -1
  let pendingSpace = false;

  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    // Lower-case ASCII letters and digits (most of any text) need no table lookups.
    if (unit < 97 ? unit < 48 || unit > 57 : unit > 122) {
      const kind = classes[unit];
      if (kind === SPACE && collapseWhitespace) {
        pendingSpace = units > 0;
        continue;
      }
      if (kind === PUNCTUATION && stripPunctuation) continue;
      if (lowercase) unit = lower[unit] ?? unit;
    }
    if (pendingSpace) {
      // A collapsed whitespace run: one space before the next kept unit (never at the end).
      pendingSpace = false;
      i--;
      unit = 32;
    }
    units++;
    if (half < 0) {
      half = unit;
      continue;
    }
    block[words] = half | (unit << 16);
    half = -1;
    if (++words < 4) continue;
    words = 0;
    h1 ^= imul(rotl(imul(block[0] ?? 0, C1), 15), C2);
    h1 = (imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    h2 ^= imul(rotl(imul(block[1] ?? 0, C2), 16), C3);
    h2 = (imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    h3 ^= imul(rotl(imul(block[2] ?? 0, C3), 17), C4);
    h3 = (imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    h4 ^= imul(rotl(imul(block[3] ?? 0, C4), 18), C1);
    h4 = (imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }

  // Tail: the words of an unfinished block, then a lone code unit.
  if (half >= 0) block[words++] = half;
  if (words >= 4) h4 ^= imul(rotl(imul(block[3] ?? 0, C4), 18), C1);
  if (words >= 3) h3 ^= imul(rotl(imul(block[2] ?? 0, C3), 17), C4);
  if (words >= 2) h2 ^= imul(rotl(imul(block[1] ?? 0, C2), 16), C3);
  if (words >= 1) h1 ^= imul(rotl(imul(block[0] ?? 0, C1), 15), C2);

  h1 ^= units;
  h2 ^= units;
  h3 ^= units;
  h4 ^= units;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  out[0] = h1;
  out[1] = h2;
  out[2] = h3;
  out[3] = h4;
}
