let table: Uint8Array | undefined;

/**
 * One byte per BMP code unit: 1 for letters (`\p{L}`). Built once on first use (~10 ms) so that per-character
 * checks in the quality scan are an array read instead of a Unicode regex.
 */
export function letterTable(): Uint8Array {
  if (table) return table;
  const built = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  for (let code = 0; code < 0x10000; code++) {
    // Surrogates are halves of astral characters (mostly emoji); they count as non-letters.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (letter.test(String.fromCharCode(code))) built[code] = 1;
  }
  table = built;
  return built;
}
