import { sentimentScore } from './sentiment-score';

describe('sentimentScore', () => {
  it('is positive for praise and negative for criticism', () => {
    expect(sentimentScore('She is a kind, honest and talented engineer.')).toBeCloseTo((0.6 + 0.6 + 0.7) / 3);
    expect(sentimentScore('He is lazy, rude and dishonest.')).toBeCloseTo((-0.6 - 0.6 - 0.7) / 3);
  });

  it('is 0 without sentiment words', () => {
    expect(sentimentScore('The meeting is at ten in room four.')).toBe(0);
    expect(sentimentScore('')).toBe(0);
    expect(sentimentScore('constructor toString __proto__')).toBe(0);
    expect(sentimentScore('What kind of manager do you want to be?')).toBe(0);
  });

  it('flips a negated word at half strength, within three words', () => {
    expect(sentimentScore('not good')).toBeCloseTo(-0.25);
    expect(sentimentScore("She isn't a very bad person")).toBeCloseTo(0.5 * 1.3 * 0.5);
    expect(sentimentScore('never really that bad')).toBeCloseTo(0.25);
    expect(sentimentScore('no one said anything good')).toBeCloseTo(0.5);
  });

  it('scales a word after an intensifier or downtoner, clamped to -1..1', () => {
    expect(sentimentScore('very good')).toBeCloseTo(0.65);
    expect(sentimentScore('slightly annoying')).toBeCloseTo(-0.3);
    expect(sentimentScore('extremely terrible')).toBe(-1);
  });

  it('stays within -1..1', () => {
    expect(sentimentScore('incredibly wonderful amazing brilliant')).toBeLessThanOrEqual(1);
    expect(sentimentScore('extremely horrible awful cruel')).toBeGreaterThanOrEqual(-1);
  });
});
