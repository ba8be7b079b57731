import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreRouge, scoreRougeMulti } from './rouge-score.util';
import { ROUGE_TYPES, type RougeScores } from './rouge.types';

/** Committed output of tools/eval/generate-rouge-fixtures.py (the real rouge-score). */
const readRougeFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/rouge', name), 'utf8')) as T;

interface PairFixture {
  useStemmer: boolean;
  cases: { target: string; prediction: string; scores: RougeScores }[];
}
interface MultiFixture {
  useStemmer: boolean;
  cases: { targets: string[]; prediction: string; scores: RougeScores }[];
}

const TOLERANCE = 1e-9;

function expectParity(ours: RougeScores, theirs: RougeScores): void {
  for (const type of ROUGE_TYPES) {
    const expected = theirs[type];
    const actual = ours[type];
    if (!expected || !actual) throw new Error(`missing ${type}`);
    for (const key of ['precision', 'recall', 'fmeasure'] as const) {
      const diff = Math.abs(actual[key] - expected[key]);
      if (diff > TOLERANCE)
        throw new Error(`${type}.${key}: ${String(actual[key])} vs ${String(expected[key])}`);
    }
  }
}

describe.each(['plain', 'stemmed'])('scoreRouge parity with rouge-score (%s)', (name) => {
  const fixture = readRougeFixture<PairFixture>(`score-${name}.json`);

  it(`agrees to 1e-9 on all ${String(fixture.cases.length)} pairs`, () => {
    expect(fixture.cases.length).toBeGreaterThan(1000);
    for (const c of fixture.cases) {
      try {
        expectParity(scoreRouge(c.target, c.prediction, { useStemmer: fixture.useStemmer }), c.scores);
      } catch (error) {
        throw new Error(`${JSON.stringify(c.target)} / ${JSON.stringify(c.prediction)}: ${String(error)}`);
      }
    }
  });
});

describe.each(['plain', 'stemmed'])('scoreRougeMulti parity with score_multi (%s)', (name) => {
  const fixture = readRougeFixture<MultiFixture>(`score-multi-${name}.json`);

  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    expectParity(scoreRougeMulti(c.targets, c.prediction, { useStemmer: fixture.useStemmer }), c.scores);
  });
});

describe('scoreRouge options', () => {
  it('computes only the requested types', () => {
    expect(Object.keys(scoreRouge('a b', 'a b', { types: ['rouge2'] }))).toEqual(['rouge2']);
  });

  it('rejects score_multi without targets, as numpy argmax does', () => {
    expect(() => scoreRougeMulti([], 'x')).toThrow(RangeError);
  });
});
