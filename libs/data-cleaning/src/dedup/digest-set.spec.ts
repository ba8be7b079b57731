import { hash } from 'node:crypto';

import { DigestSet } from './digest-set';

function words(text: string): [number, number, number, number] {
  const digest = hash('md5', text, 'buffer');
  return [digest.readInt32LE(0), digest.readInt32LE(4), digest.readInt32LE(8), digest.readInt32LE(12)];
}

describe('DigestSet', () => {
  it('remembers added digests and tells new ones apart', () => {
    const set = new DigestSet();
    expect(set.add(...words('a'))).toBe(true);
    expect(set.add(...words('a'))).toBe(false);
    expect(set.has(...words('a'))).toBe(true);
    expect(set.has(...words('b'))).toBe(false);
    expect(set.size).toBe(1);
  });

  it('distinguishes digests that share their first word', () => {
    const set = new DigestSet();
    set.add(1, 2, 3, 4);
    expect(set.has(1, 2, 3, 5)).toBe(false);
    expect(set.add(1, 2, 3, 5)).toBe(true);
  });

  it('keeps the all-zero digest even though zero marks empty slots', () => {
    const set = new DigestSet();
    expect(set.has(0, 0, 0, 0)).toBe(false);
    expect(set.add(0, 0, 0, 0)).toBe(true);
    expect(set.has(0, 0, 0, 0)).toBe(true);
    expect(set.add(0, 0, 0, 0)).toBe(false);
  });

  it('grows without losing entries and stays compact', () => {
    const set = new DigestSet();
    for (let i = 0; i < 50_000; i++) set.add(...words(String(i)));
    let missing = 0;
    for (let i = 0; i < 50_000; i++) if (!set.has(...words(String(i)))) missing++;
    expect(missing).toBe(0);
    expect(set.has(...words('50000'))).toBe(false);
    expect(set.size).toBe(50_000);
    expect(set.bytes / set.size).toBeLessThanOrEqual(48);
  });
});
