import { createHash } from 'node:crypto';

import { z } from 'zod';

import type { DataRecord } from './data-record';
import { isSpaceCode } from './is-space-code';
import { recordText } from './record-text';

export const SPLITS = ['train', 'validation', 'test'] as const;

export type Split = (typeof SPLITS)[number];

/** Tolerance for ratios like 0.8/0.1/0.1, whose float sum is not exactly 1. */
const SUM_TOLERANCE = 1e-9;

/** Shares of records per split; each in [0, 1], together 1. */
export const SplitRatiosSchema = z
  .object({
    train: z.number().min(0).max(1),
    validation: z.number().min(0).max(1),
    test: z.number().min(0).max(1),
  })
  .strict()
  .refine((r) => Math.abs(r.train + r.validation + r.test - 1) <= SUM_TOLERANCE, {
    error: 'split ratios must sum to 1',
  });

export type SplitRatios = z.output<typeof SplitRatiosSchema>;

/** Throws a RangeError naming the problem unless the ratios are each in [0, 1] and sum to 1. */
export function assertSplitRatios(ratios: SplitRatios): void {
  for (const split of SPLITS) {
    const value = ratios[split];
    if (!(value >= 0 && value <= 1)) throw new RangeError(`split ratio ${split} is ${value}, expected 0..1`);
  }
  const sum = ratios.train + ratios.validation + ratios.test;
  if (Math.abs(sum - 1) > SUM_TOLERANCE) throw new RangeError(`split ratios sum to ${sum}, expected 1`);
}

/** The text a split is decided on: case, Unicode form and whitespace differences do not count. */
export function splitKeyText(record: DataRecord): string {
  return keyText(recordText(record));
}

function keyText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The split key's UTF-8 bytes, reused between records (grown when a text is longer). */
let keyBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Writes the UTF-8 bytes of `keyText(text)` to `keyBuffer` and returns their length, without the regex
 * replace, trim and encoding passes (the replace alone cost more than the SHA-256: every space between
 * two words is a match). NFKC and lower-casing run natively, and only for non-ASCII text: for ASCII,
 * NFKC changes nothing and lower-casing is A-Z → a-z, done here. The split is therefore the same.
 */
function writeSplitKey(text: string): number {
  const ascii = writeCollapsed(text, false);
  return ascii >= 0 ? ascii : writeCollapsed(text.normalize('NFKC').toLowerCase(), true);
}

/**
 * Collapses `\s` runs to one space, drops them at both ends and writes UTF-8 (a lone surrogate as
 * U+FFFD, as `Buffer.from` does). Returns −1 on a non-ASCII character unless `unicode`.
 */
function writeCollapsed(text: string, unicode: boolean): number {
  if (keyBuffer.length < text.length * 3) keyBuffer = Buffer.allocUnsafe(text.length * 3);
  const out = keyBuffer;
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) {
      out[length++] = 32;
      pendingSpace = false;
    }
    if (code < 0x80) {
      out[length++] = code >= 65 && code <= 90 ? code + 32 : code;
      continue;
    }
    if (!unicode) return -1;
    if (code < 0x800) {
      out[length++] = 0xc0 | (code >> 6);
      out[length++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        out[length++] = 0xf0 | (point >> 18);
        out[length++] = 0x80 | ((point >> 12) & 0x3f);
        out[length++] = 0x80 | ((point >> 6) & 0x3f);
        out[length++] = 0x80 | (point & 0x3f);
        i++;
        continue;
      }
      code = 0xfffd;
    }
    out[length++] = 0xe0 | (code >> 12);
    out[length++] = 0x80 | ((code >> 6) & 0x3f);
    out[length++] = 0x80 | (code & 0x3f);
  }
  return length;
}

/** 2^48: the first 6 bytes of the hash give a uniform number in [0, 1) with ample resolution. */
const SCALE = 2 ** 48;

/**
 * The split a record belongs to, decided by a hash of its normalised text (and an optional salt), never by
 * its position or id. So an exact duplicate always lands in the same split as its twin, within a version
 * and in every later version, and cannot leak from train into test; a record keeps its split when other
 * records are added or removed, so evaluation sets stay comparable across versions. A different salt
 * reshuffles on purpose.
 */
export function splitOf(record: DataRecord, ratios: SplitRatios, salt = ''): Split {
  assertSplitRatios(ratios);
  const bytes = writeSplitKey(recordText(record));
  const digest = createHash('sha256').update(salt).update('\0').update(keyBuffer.subarray(0, bytes)).digest();
  const position = digest.readUIntBE(0, 6) / SCALE;
  if (position < ratios.train) return 'train';
  if (position < ratios.train + ratios.validation) return 'validation';
  return ratios.test > 0 ? 'test' : ratios.validation > 0 ? 'validation' : 'train';
}
