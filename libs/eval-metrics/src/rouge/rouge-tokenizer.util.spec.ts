import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizeRouge } from './rouge-tokenizer.util';

/** Committed output of tools/eval/generate-rouge-fixtures.py (the real rouge-score). */
const readRougeFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/rouge', name), 'utf8')) as T;

interface TokenizeFixture {
  cases: { text: string; tokens: string[]; stemmed: string[] }[];
}

describe('tokenizeRouge (rouge_score.tokenize)', () => {
  const { cases } = readRougeFixture<TokenizeFixture>('tokenize.json');

  it.each(cases.map((c, i) => [i, c] as const))('case %i matches rouge-score', (_i, c) => {
    expect(tokenizeRouge(c.text)).toEqual(c.tokens);
    expect(tokenizeRouge(c.text, true)).toEqual(c.stemmed);
  });

  it('drops non-ASCII letters and never stems short tokens', () => {
    expect(tokenizeRouge('Café runs 東京', true)).toEqual(['caf', 'run']);
    expect(tokenizeRouge('ties', true)).toEqual(['tie']);
    expect(tokenizeRouge('was', true)).toEqual(['was']);
  });
});
