import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { porterStem } from './porter-stemmer.util';

/** Committed output of tools/eval/generate-rouge-fixtures.py (the real rouge-score). */
const readRougeFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/rouge', name), 'utf8')) as T;

interface StemFixture {
  cases: { word: string; stem: string }[];
}

describe('porterStem (nltk PorterStemmer, NLTK_EXTENSIONS)', () => {
  const { cases } = readRougeFixture<StemFixture>('porter-stemmer.json');

  it('has a broad fixture', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it.each(cases.map((c) => [c.word, c.stem]))('stems %s to %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('keeps nltk irregular forms and returns the same answer from the cache', () => {
    expect(porterStem('dying')).toBe('die');
    expect(porterStem('skies')).toBe('sky');
    expect(porterStem('dying')).toBe('die');
  });
});
