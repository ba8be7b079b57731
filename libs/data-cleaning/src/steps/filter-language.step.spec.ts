import { RecordWork } from './step-contract';
import { DETECTABLE_LANGUAGES } from './detectable-languages';
import { compileFilterLanguage, FilterLanguageStepSchema } from './filter-language.step';
import { textRecord } from '../testing/step-test-records';

const ENGLISH = 'The committee met on Tuesday to discuss the budget for the new library and the school.';
const GERMAN = 'Der Ausschuss traf sich am Dienstag, um das Budget für die neue Bibliothek zu besprechen.';
const FRENCH = 'Le comité s’est réuni mardi pour discuter du budget de la nouvelle bibliothèque municipale.';

function run(params: Record<string, unknown>, text: string) {
  const step = compileFilterLanguage(FilterLanguageStepSchema.parse({ type: 'filter-language', ...params }));
  const work = new RecordWork(textRecord(text));
  return { verdict: step.apply(work), work };
}

describe('filter-language', () => {
  it('keeps allowed languages and annotates annotations and metadata', () => {
    const { verdict, work } = run({ allowed: ['en', 'de'] }, GERMAN);
    expect(verdict).toBeUndefined();
    expect(work.annotations.language).toBe('de');
    expect(work.annotations.languageScore).toBeGreaterThan(0);
    expect(work.metadata).toEqual({ language: 'de' });
    expect(work.record.metadata).toEqual({}); // the input record is not mutated
  });

  it('drops languages that are not allowed, naming the language', () => {
    expect(run({ allowed: ['en'] }, FRENCH).verdict).toMatchObject({ reason: 'language:fr' });
  });

  it('only annotates when no allow-list is given', () => {
    const { verdict, work } = run({}, ENGLISH);
    expect(verdict).toBeUndefined();
    expect(work.annotations.language).toBe('en');
  });

  it('calls text shorter than minChars undetermined and keeps it by default', () => {
    const { verdict, work } = run({ allowed: ['en'] }, 'ok thanks');
    expect(verdict).toBeUndefined();
    expect(work.annotations.language).toBe('und');
  });

  it('drops undetermined text when asked', () => {
    expect(
      run({ allowed: ['en'], undetermined: 'drop' }, '12345 678 !!! ###  ?? 42 42 42').verdict,
    ).toMatchObject({
      reason: 'language:und',
    });
  });

  it('treats low-scoring detections as undetermined when a minimum score is set', () => {
    const { work } = run(
      { minScore: 0.9 },
      'Hello mundo, this is un poco de mixed texto con English y español.',
    );
    expect(work.annotations.language).toBe('und');
  });

  it('can leave metadata alone', () => {
    expect(run({ metadataKey: null }, ENGLISH).work.metadata).toEqual({});
  });

  it('rejects codes the detector does not know, naming them', () => {
    const result = FilterLanguageStepSchema.safeParse({
      type: 'filter-language',
      allowed: ['en', 'english'],
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0]).toMatchObject({ path: ['allowed', 1] });
      expect(result.error.issues[0]?.message).toMatch(/"english" is not a language/);
    }
  });

  it('lists exactly the languages tinyld detects', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tinyld = require('tinyld') as typeof import('tinyld');
    expect([...DETECTABLE_LANGUAGES].sort()).toEqual(
      tinyld.supportedLanguages.map((l) => tinyld.toISO2(l)).sort(),
    );
  });
});
