import { createHash } from 'node:crypto';
import { loadFixture } from '../testing/load-fixture';
import type { SignaturesFixture } from '../testing/signatures-fixture';
import { isWordCodePoint } from './is-word-code-point';
import { TokenBuffer } from './token-buffer';
import { shingles, tokenize } from './tokenize';

interface UnicodeFixture {
  meta: { unicode: string };
  word: [number, number][];
  unassigned: [number, number][];
}

const documents = (loadFixture('signatures.json') as SignaturesFixture).documents;

describe('tokenize (Python: [t for t in re.split(r"\\W+", text.lower()) if t])', () => {
  it.each(documents.map((d) => [d.name, d] as const))('%s', (_name, doc) => {
    const tokens = tokenize(doc.text);
    expect(tokens).toHaveLength(doc.tokenCount);
    if (doc.tokens) expect(tokens).toEqual(doc.tokens);
    else expect(createHash('sha1').update(tokens.join('\n')).digest('hex')).toBe(doc.tokensSha1);
  });

  it.each(documents.map((d) => [d.name, d] as const))(
    'TokenBuffer gives the same tokens: %s',
    (_name, doc) => {
      const buffer = new TokenBuffer().load(doc.text);
      expect(Array.from({ length: buffer.count }, (_, i) => buffer.token(i))).toEqual(tokenize(doc.text));
    },
  );

  it('agrees with Python’s \\w on every code point assigned in Python’s Unicode version', () => {
    const fixture = loadFixture('unicode-word.json') as UnicodeFixture;
    const python = new Uint8Array(0x110000);
    for (const [from, to] of fixture.word) python.fill(1, from, to + 1);
    const unassigned = new Uint8Array(0x110000);
    for (const [from, to] of fixture.unassigned) unassigned.fill(1, from, to + 1);
    const disagreements: number[] = [];
    let newerOnly = 0;
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ours = isWordCodePoint(cp);
      if (ours === (python[cp] === 1)) continue;
      if (ours && unassigned[cp] === 1) newerOnly++;
      else disagreements.push(cp);
    }
    expect(disagreements).toEqual([]);
    // Characters Unicode added after Python's database are words only here; report, don't fail.
    expect(newerOnly).toBeGreaterThanOrEqual(0);
  });
});

describe('shingles', () => {
  it('joins n consecutive tokens with one space', () => {
    expect(shingles('The  quick, brown FOX!', 2)).toEqual(['the quick', 'quick brown', 'brown fox']);
  });

  it('gives one shingle of all tokens when there are fewer than n, and none for no tokens', () => {
    expect(shingles('Hello, world', 5)).toEqual(['hello world']);
    expect(shingles(' ... ', 5)).toEqual([]);
    expect(shingles('', 1)).toEqual([]);
  });

  it('TokenBuffer shingle ranges decode to the same strings', () => {
    const text = 'Crème brûlée — naïve café, 日本語 テキスト 👍🏽 x_y 3.14';
    const buffer = new TokenBuffer().load(text);
    for (const n of [1, 2, 3, 5, 20]) {
      const fromBuffer = Array.from({ length: buffer.shingleCount(n) }, (_, i) =>
        Buffer.from(buffer.bytes.subarray(buffer.shingleStart(i), buffer.shingleEnd(i, n))).toString('utf8'),
      );
      expect(fromBuffer).toEqual(shingles(text, n));
    }
  });
});
