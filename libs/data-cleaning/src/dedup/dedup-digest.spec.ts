import { dedupDigest, type DedupKeyOptions } from './dedup-digest';

const ALL: DedupKeyOptions = {
  nfkc: true,
  lowercase: true,
  stripPunctuation: true,
  collapseWhitespace: true,
};
const NONE: DedupKeyOptions = {
  nfkc: false,
  lowercase: false,
  stripPunctuation: false,
  collapseWhitespace: false,
};

function digest(text: string, options = ALL): string {
  const out = new Int32Array(4);
  dedupDigest(text, options, out);
  return [...out].map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
}

describe('dedupDigest', () => {
  it('gives copies that differ in case, punctuation, spacing and width one digest', () => {
    const a = digest('Hello, World!  How are   you?');
    expect(digest('hello world\nhow are you')).toBe(a);
    expect(digest('  ＨＥＬＬＯ World — how are you…  ')).toBe(a);
  });

  it('tells different texts apart, including ones that only differ in where a space is', () => {
    const texts = [
      'the cat sat',
      'the cats at',
      'the cat sat.',
      'thecat sat',
      'the cat sad',
      '',
      ' ',
      'a',
      'ab',
      'abc',
    ];
    const digests = new Set(texts.map((t) => digest(t, NONE)));
    expect(digests.size).toBe(texts.length);
    expect(digest('the cat sat')).not.toBe(digest('the cats at'));
    expect(digest('the cat sat')).not.toBe(digest('thecat sat'));
  });

  it('applies only the chosen normalisations', () => {
    expect(digest(' A,  b ', NONE)).not.toBe(digest('A, b', NONE));
    expect(digest(' A,  b ', { ...NONE, collapseWhitespace: true })).toBe(digest('A, b', NONE));
    expect(digest('A, b', { ...NONE, lowercase: true })).toBe(digest('a, b', NONE));
    expect(digest('a, b', { ...NONE, stripPunctuation: true })).toBe(digest('a b', NONE));
    expect(digest('ﬁne', { ...NONE, nfkc: true })).toBe(digest('fine', NONE));
  });

  it('is sensitive to every position of long texts (each 16-byte block and the tail)', () => {
    const base = 'lorem ipsum dolor sit amet '.repeat(20);
    const seen = new Set<string>([digest(base, NONE)]);
    for (let i = 0; i < base.length; i += 7)
      seen.add(digest(`${base.slice(0, i)}#${base.slice(i + 1)}`, NONE));
    expect(seen.size).toBe(1 + Math.ceil(base.length / 7));
  });

  it('spreads digests evenly (no collisions over many similar texts)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(digest(`record number ${i}`, NONE));
    expect(seen.size).toBe(20_000);
  });
});
