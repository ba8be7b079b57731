import { createHash } from 'node:crypto';

import { z } from 'zod';

import type { DataRecord } from './data-record';
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
  return recordText(record).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
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
  const digest = createHash('sha256').update(salt).update('\0').update(splitKeyText(record)).digest();
  const position = digest.readUIntBE(0, 6) / SCALE;
  if (position < ratios.train) return 'train';
  if (position < ratios.train + ratios.validation) return 'validation';
  return ratios.test > 0 ? 'test' : ratios.validation > 0 ? 'validation' : 'train';
}
