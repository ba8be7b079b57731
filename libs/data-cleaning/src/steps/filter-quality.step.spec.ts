import { textRecord } from '../testing/step-test-records';
import { RecordWork } from './step-contract';
import { compileFilterQuality, FilterQualityStepSchema } from './filter-quality.step';

// 90-odd words of ordinary English prose: passes every Gopher rule with room to spare.
const ARTICLE = [
  'The city council voted on Tuesday to extend the opening hours of the central library, which has seen',
  'record numbers of visitors since the renovation finished last spring. Librarians said that students',
  'preparing for exams had asked for quiet space in the evenings, and that the new reading rooms were often',
  'full by early afternoon. The extra hours will be paid for with money saved on heating, after the building',
  'was fitted with better insulation and solar panels. A trial will run until the end of the year, when the',
  'council will look at attendance figures and decide whether to keep the longer schedule.',
].join('\n');

const DISTINCT =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(
    ' ',
  );

function run(text: string, params: Record<string, unknown> = {}, language?: string) {
  const step = compileFilterQuality(FilterQualityStepSchema.parse({ type: 'filter-quality', ...params }));
  const work = new RecordWork(textRecord(text));
  if (language) work.annotations.language = language;
  return { verdict: step.apply(work), score: work.annotations.qualityScore };
}

describe('filter-quality', () => {
  it('keeps ordinary prose and scores it at least 0.5', () => {
    const { verdict, score } = run(ARTICLE);
    expect(verdict).toBeUndefined();
    expect(score).toBeGreaterThanOrEqual(0.5);
    expect(score).toBeLessThanOrEqual(1);
  });

  it('drops texts under minWords', () => {
    expect(run('Thanks for the quick reply, that works for me.').verdict).toMatchObject({
      reason: 'quality:min-words',
      detail: '9 < minWords 50',
    });
  });

  it('drops hashtag and ellipsis spam on the symbol-to-word ratio', () => {
    const spam = `${ARTICLE}\n${'#deal #sale #promo #free #win #now '.repeat(4)}`;
    const { verdict, score } = run(spam);
    expect(verdict).toMatchObject({ reason: 'quality:symbol-ratio' });
    expect(score).toBeLessThan(run(ARTICLE).score ?? 0);
  });

  it('drops pages that are nearly all bullet points', () => {
    const list = DISTINCT.map((w, i) => `- ${w} item number ${i} with the ${w} and the details`).join('\n');
    expect(run(list).verdict).toMatchObject({ reason: 'quality:bullet-lines' });
  });

  it('drops teaser lists whose lines trail off in ellipses', () => {
    const teasers = DISTINCT.slice(0, 8)
      .map((w) => `Read the story of ${w} and the town that changed its mind about the...`)
      .join('\n');
    expect(run(teasers).verdict).toMatchObject({ reason: 'quality:ellipsis-lines' });
  });

  it('drops number tables on the share of words with letters', () => {
    const table = Array.from({ length: 20 }, (_, i) => `${2000 + i} ${i * 17} ${i * 3.5} total`).join('\n');
    expect(run(`The table of the results with the numbers:\n${table}`).verdict).toMatchObject({
      reason: 'quality:alpha-words',
    });
  });

  it('drops keyword lists without English stop words, unless the record is in another language', () => {
    const keywords = [...DISTINCT, ...DISTINCT.map((w) => `${w}s`)].join(' ');
    expect(run(keywords).verdict).toMatchObject({
      reason: 'quality:stop-words',
      detail: '0 < minStopWords 2',
    });
    expect(run(keywords, {}, 'de').verdict).toBeUndefined();
    expect(run(keywords, { stopWordsLanguage: null }, 'de').verdict).toMatchObject({
      reason: 'quality:stop-words',
    });
  });

  it('drops pages made of repeated lines', () => {
    const repeated = `${ARTICLE}\n${'Subscribe to the newsletter and get the news first\n'.repeat(12)}`;
    expect(run(repeated).verdict).toMatchObject({ reason: 'quality:duplicate-lines' });
  });

  it('drops text dominated by one repeated phrase on the top n-gram share', () => {
    const seo = DISTINCT.slice(0, 20)
      .map((w) => `cheap flights ${w} of the day`)
      .join(' ');
    expect(run(seo).verdict).toMatchObject({ reason: 'quality:top-2gram' });
  });

  it('drops a paragraph pasted twice on duplicate 5-gram characters', () => {
    const twice = `${ARTICLE.replace(/\n/g, ' ')} ${ARTICLE.replace(/\n/g, ' ')}`;
    expect(run(twice).verdict).toMatchObject({ reason: 'quality:duplicate-5gram' });
  });

  it('lets a rule be switched off with null', () => {
    expect(
      run('Too short to pass, but the rule is off.', { minWords: null, minStopWords: null }).verdict,
    ).toBeUndefined();
  });

  it('only scores when drop is false', () => {
    const { verdict, score } = run('short text', { drop: false });
    expect(verdict).toBeUndefined();
    expect(score).toBeLessThan(0.5);
  });

  it('validates thresholds', () => {
    expect(
      FilterQualityStepSchema.safeParse({ type: 'filter-quality', maxBulletLineFraction: 1.5 }).success,
    ).toBe(false);
    expect(
      FilterQualityStepSchema.safeParse({ type: 'filter-quality', maxTopNgramCharFraction: { '5': 0.1 } })
        .success,
    ).toBe(false);
  });
});
