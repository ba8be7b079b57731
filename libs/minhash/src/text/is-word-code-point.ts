// Python's `re` \w on str: `ch.isalnum() or ch == '_'`, i.e. Unicode letters (L*) and numbers (N*) plus
// '_' — marks (Mn/Mc), so combining accents and Indic vowel signs, are NOT word characters. JS's `\w`
// is ASCII-only even with the `u` flag, so the property classes below spell the same set out.
// Checked code point by code point against Python 3.11 (Unicode 14) in text.spec.ts: they agree on every
// code point assigned in Unicode 14; characters added later are word characters here only.
const WORD = /^[\p{L}\p{N}_]$/u;

/** 0 = not yet looked up, 1 = word, 2 = not word; filled lazily for the BMP. */
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  BMP[c] = word ? 1 : 2;
}
const ASTRAL = new Map<number, boolean>();

/** True when Python's `re` would match `\w` on this code point. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    const known = BMP[cp] ?? 0;
    if (known !== 0) return known === 1;
    // Lone surrogates are category Cs, never word characters (Python agrees).
    const word = WORD.test(String.fromCharCode(cp));
    BMP[cp] = word ? 1 : 2;
    return word;
  }
  let word = ASTRAL.get(cp);
  if (word === undefined) {
    word = WORD.test(String.fromCodePoint(cp));
    ASTRAL.set(cp, word);
  }
  return word;
}
