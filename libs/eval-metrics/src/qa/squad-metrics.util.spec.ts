import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exactMatchMax, tokenF1, tokenF1Max } from './squad-metrics.util';
import { normalizeSquadAnswer } from './squad-normalize.util';

interface SquadFixture {
  cases: { prediction: string; answers: string[]; normalized: string; exactMatch: number; f1: number }[];
}

/** Committed output of tools/eval/generate-rouge-fixtures.py (the SQuAD v1.1 reference functions). */
const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/qa/squad.json'), 'utf8'),
) as SquadFixture;

describe('SQuAD v1.1 exact match and token F1', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i matches the reference', (_i, c) => {
    expect(normalizeSquadAnswer(c.prediction)).toBe(c.normalized);
    expect(exactMatchMax(c.prediction, c.answers)).toBe(c.exactMatch);
    expect(Math.abs(tokenF1Max(c.prediction, c.answers) - c.f1)).toBeLessThanOrEqual(1e-9);
  });

  it('clips repeated tokens to the answer counts', () => {
    expect(tokenF1('cat cat cat dog', 'cat dog dog')).toBeCloseTo(4 / 7, 12);
  });

  it('rejects an empty answer list', () => {
    expect(() => tokenF1Max('x', [])).toThrow(RangeError);
    expect(() => exactMatchMax('x', [])).toThrow(RangeError);
  });
});
