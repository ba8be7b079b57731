import { lexiconToxicityScorer, scoreToxicityLexicon, TOXICITY_THRESHOLD } from './toxicity-scorer';

const score = (text: string) => scoreToxicityLexicon(text).score;

describe('scoreToxicityLexicon', () => {
  it.each([
    ['You are such an idiot.', 'insult'],
    ['This is total bullshit, what the fuck.', 'profanity'],
    ["I'm going to hurt you if you park there again.", 'threat'],
    ['Immigrants are all criminals and should be deported.', 'identity-attack'],
    ['Send me nudes, I want to have sex tonight.', 'sexual'],
    ['Nobody would miss me, I want to end my life.', 'self-harm'],
  ] as const)('flags %j as %s', (text, category) => {
    const result = scoreToxicityLexicon(text);
    expect(result.score).toBeGreaterThanOrEqual(TOXICITY_THRESHOLD);
    expect(result.categories[category]).toBeGreaterThanOrEqual(TOXICITY_THRESHOLD);
    expect(result.matches.length).toBeGreaterThan(0);
  });

  it.each([
    'Thank you for your kind words, I hope you have a wonderful day.',
    'To kill a hung Python process, run kill -9 with its process id.',
    "I'll shoot you an email and we can beat the deadline together.",
    'If you are thinking about self-harm, please reach out to a crisis line.',
    'Women are underrepresented in engineering, and many studies explain why.',
    "I won't kill them; I'd never hurt anyone.",
  ])('does not flag %j', (text) => {
    expect(score(text)).toBeLessThan(TOXICITY_THRESHOLD);
  });

  it('gives clean text a zero score and no categories', () => {
    expect(scoreToxicityLexicon('The weather is lovely today.')).toEqual({
      score: 0,
      categories: {},
      matches: [],
    });
  });

  it('keeps mild profanity alone under the threshold but lets several signals add up', () => {
    expect(score('Damn, I missed the bus.')).toBeCloseTo(0.2);
    expect(score('This stupid crap again.')).toBeCloseTo(1 - 0.6 * 0.75);
  });

  it('combines distinct terms of a category with noisy-OR, and does not count repeats', () => {
    // "you are an idiot" (0.8) and "idiot" (0.6): 1 - 0.2 * 0.4.
    expect(scoreToxicityLexicon('You are an idiot.').categories.insult).toBeCloseTo(0.92);
    expect(score('idiot idiot idiot')).toBeCloseTo(0.6);
  });

  it('sees through simple obfuscation', () => {
    expect(score('you are a 1d10t')).toBeGreaterThanOrEqual(TOXICITY_THRESHOLD);
    expect(score('f*ck this')).toBeGreaterThanOrEqual(TOXICITY_THRESHOLD);
    expect(score('stuuuupid idiooot')).toBeGreaterThanOrEqual(TOXICITY_THRESHOLD);
  });

  it('scores batches in order through the default scorer', async () => {
    const results = await lexiconToxicityScorer.score(['You idiot.', 'Hello there.']);
    expect(results.map((result) => result.score > 0)).toEqual([true, false]);
  });
});
