import { createHash } from 'node:crypto';

import type { DataRecord } from './data-record';
import { SplitRatiosSchema, splitKeyText, splitOf, type Split } from './split-of';

function textRecord(id: string, text: string): DataRecord {
  return { id, content: { kind: 'text', text }, metadata: {}, provenance: { producer: 'test' } };
}

const ratios = { train: 0.8, validation: 0.1, test: 0.1 };

describe('splitOf', () => {
  const records = Array.from({ length: 10_000 }, (_, i) =>
    textRecord(`r${i}`, `Support ticket ${i}: the parcel ${i % 97} is late.`),
  );

  it('lands near the ratios on 10k records', () => {
    const counts: Record<Split, number> = { train: 0, validation: 0, test: 0 };
    for (const record of records) counts[splitOf(record, ratios)]++;
    expect(counts.train / 10_000).toBeCloseTo(0.8, 1);
    expect(Math.abs(counts.validation - 1000)).toBeLessThan(120);
    expect(Math.abs(counts.test - 1000)).toBeLessThan(120);
  });

  it('is deterministic, ignores id and position, and keeps duplicates together', () => {
    const first = records.map((r) => splitOf(r, ratios));
    const again = [...records]
      .reverse()
      .map((r) => splitOf({ ...r, id: `other-${r.id}` }, ratios))
      .reverse();
    expect(again).toEqual(first);
    const twin = textRecord('x', '  SUPPORT ticket 7:\nthe parcel 7 is late. ');
    expect(splitOf(twin, ratios)).toBe(first[7]);
  });

  it('uses every content field, and a salt reshuffles', () => {
    const pc: DataRecord = {
      ...textRecord('a', ''),
      content: { kind: 'prompt-completion', prompt: 'Q', completion: 'A' },
    };
    expect(splitOf(pc, ratios)).toBe(splitOf(pc, ratios));
    const moved = records.filter((r) => splitOf(r, ratios) !== splitOf(r, ratios, 'v2-reshuffle')).length;
    expect(moved).toBeGreaterThan(1000);
  });

  it('hashes exactly the bytes of splitKeyText, for ASCII and any Unicode text', () => {
    // The split as first defined: SHA-256 of salt, NUL, and the key text's UTF-8. A byte of difference
    // would move about half of these 6,000 records.
    const byDefinition = (record: DataRecord, salt: string): Split => {
      const digest = createHash('sha256').update(salt).update('\0').update(splitKeyText(record)).digest();
      const position = digest.readUIntBE(0, 6) / 2 ** 48;
      return position < 0.8 ? 'train' : position < 0.9 ? 'validation' : 'test';
    };
    const alphabet = [
      ...Array.from('aZ09 .,\t\n\r\u000b\u000c\u001c\u0085'),
      ...Array.from('\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b'),
      ...Array.from('éÉ“”•©İΣσßﬁＡ①ǅ\u0301'),
      '\ud83d\ude00',
      '\ud83d',
      '\ude00',
    ];
    let state = 11;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)] ?? 'a',
      ).join('');
      const record = textRecord(`r${i}`, text);
      for (const salt of ['', 'v2']) {
        expect(splitOf(record, ratios, salt)).toBe(byDefinition(record, salt));
      }
    }
  });

  it('honours zero ratios and validates ratios', () => {
    expect(
      records.slice(0, 500).every((r) => splitOf(r, { train: 1, validation: 0, test: 0 }) === 'train'),
    ).toBe(true);
    expect(() => splitOf(records[0]!, { train: 0.8, validation: 0.1, test: 0.2 })).toThrow(/sum to 1.1/);
    expect(() => splitOf(records[0]!, { train: 1.2, validation: -0.1, test: -0.1 })).toThrow(RangeError);
    expect(SplitRatiosSchema.safeParse({ train: 0.7, validation: 0.2, test: 0.1 }).success).toBe(true);
    expect(SplitRatiosSchema.safeParse({ train: 0.7, validation: 0.2, test: 0.2 }).success).toBe(false);
  });
});
