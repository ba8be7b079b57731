import { isSpaceCode } from '@llmops/data-formats';

/** Class of a code unit for exact dedup: kept as is, punctuation, or whitespace. */
export const KEEP = 0;
export const PUNCTUATION = 1;
export const SPACE = 2;

export interface DedupCharTables {
  /** Per BMP code unit: KEEP, PUNCTUATION (`\p{P}`) or SPACE (`\s`). */
  classes: Uint8Array;
  /** Per BMP code unit: its lower-case form when that is one code unit, else itself. */
  lower: Uint16Array;
}

let tables: DedupCharTables | undefined;

/** Built once on first use (~20 ms) so the dedup hash reads arrays instead of running Unicode regexes. */
export function dedupCharTables(): DedupCharTables {
  if (tables) return tables;
  const classes = new Uint8Array(0x10000);
  const lower = new Uint16Array(0x10000);
  const punctuation = /\p{P}/u;
  for (let code = 0; code < 0x10000; code++) {
    lower[code] = code;
    // Surrogate halves are kept: astral characters (emoji, rare scripts) are never punctuation here.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (isSpaceCode(code)) classes[code] = SPACE;
    else if (punctuation.test(char)) classes[code] = PUNCTUATION;
    const lowered = char.toLowerCase();
    if (lowered.length === 1) lower[code] = lowered.charCodeAt(0);
  }
  tables = { classes, lower };
  return tables;
}
