import { pythonSplit } from './python-text';
import { tokens13a } from './tokenize-13a';

// The regular expressions sacreBLEU's TokenizerRegexp applies (Python `re`, ASCII digit classes), kept
// here as the oracle for the scanner.
const REGEXP_RULES: readonly (readonly [RegExp, string])[] = [
  [/([{-~[-` -&(-+:-@/])/gu, ' $1 '],
  [/([^0-9])([.,])/gu, '$1 $2 '],
  [/([.,])([^0-9])/gu, ' $1 $2'],
  [/([0-9])(-)/gu, '$1 $2 '],
];

function regexTokens13a(line: string): string[] {
  let out = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (out.includes('&'))
    out = out
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  out = ` ${out} `;
  for (const [pattern, replacement] of REGEXP_RULES) out = out.replace(pattern, replacement);
  return pythonSplit(out);
}

/** mulberry32, so a failure names a reproducible seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Heavy on what the rules look at: digits, period, comma, dash, rule-1 punctuation, several kinds of
// whitespace, entity and marker fragments, accents and an astral character.
const PIECES = [
  ...Array.from('0123456789...,,,---abcXYZ'),
  ...Array.from('!"#$%&\'()*+/:;<=>?@[\\]^_`{|}~'),
  ' ',
  '  ',
  '\t',
  '\n',
  '-\n',
  '\x1c',
  '\x85',
  '\u00a0',
  '\u3000',
  '\ufeff',
  'é',
  '€',
  '😀',
  '&amp;',
  '&quot;',
  '&lt;',
  '&gt;',
  '&',
  '<skipped>',
  '1.5',
  '1,000',
  '3-4',
  'e.g.',
  'word',
];

describe('tokens13a', () => {
  it('agrees with sacreBLEU’s regular expressions on 20,000 random lines', () => {
    const next = random(20261128);
    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 24);
      let line = '';
      for (let j = 0; j < length; j++) line += PIECES[Math.floor(next() * PIECES.length)] ?? '';
      if (JSON.stringify(tokens13a(line)) !== JSON.stringify(regexTokens13a(line)))
        disagreements.push(JSON.stringify(line));
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('splits periods, commas and dashes by their neighbours (outputs from sacreBLEU 2.6.0)', () => {
    expect(tokens13a('It costs $1,000.50 -- or 3-4 times, i.e. 12.5%!').join(' ')).toBe(
      'It costs $ 1,000.50 -- or 3 - 4 times , i . e . 12.5 % !',
    );
    expect(tokens13a('a.. 1.. .,. 9-').join(' ')).toBe('a . . 1 . . . , . 9 -');
    expect(tokens13a('')).toEqual([]);
  });
});
