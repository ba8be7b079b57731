import { CleaningError } from '../cleaning.error';
import { formatIssuePath, parseRecipe } from './parse-recipe';
import { RecipeSchema } from './recipe.schema';

function issues(input: unknown): string[] {
  try {
    parseRecipe(input);
  } catch (error) {
    if (error instanceof CleaningError && error.code === 'invalid-recipe') return error.details.issues ?? [];
    throw error;
  }
  throw new Error('expected the recipe to be rejected');
}

describe('parseRecipe', () => {
  it('fills defaults for the recipe and each step', () => {
    const recipe = parseRecipe({ steps: [{ type: 'normalize-unicode' }, { type: 'dedup-near' }] });
    expect(recipe).toEqual({
      formatVersion: 1,
      onRecordError: 'skip',
      rejectSampleSize: 5,
      steps: [
        { type: 'normalize-unicode', form: 'NFC' },
        { type: 'dedup-near', threshold: 0.8, numPerm: 128, ngram: 5 },
      ],
    });
  });

  it('accepts an empty object as the empty recipe', () => {
    expect(parseRecipe({}).steps).toEqual([]);
  });

  it('names the path and the expected type of a bad parameter', () => {
    expect(
      issues({
        steps: [
          { type: 'normalize-unicode' },
          { type: 'strip-html' },
          { type: 'filter-length', minWords: 'five' },
        ],
      }),
    ).toEqual(['steps[2].minWords: expected a number']);
  });

  it('names unknown step types and lists the known ones', () => {
    const [issue] = issues({ steps: [{ type: 'remove-emoji' }] });
    expect(issue).toMatch(
      /^steps\[0\]\.type: unknown step type "remove-emoji"; expected one of normalize-unicode, /,
    );
    expect(issues({ steps: [{ minWords: 3 }] })[0]).toMatch(/^steps\[0\]\.type: missing step type/);
    expect(issues({ steps: ['filter-length'] })[0]).toMatch(/^steps\[0\]: expected a step object/);
  });

  it('names unknown parameters and lists the ones the step takes', () => {
    expect(issues({ steps: [{ type: 'filter-length', minWord: 3 }] })).toEqual([
      'steps[0].minWord: unknown parameter "minWord" (filter-length takes minChars, maxChars, minWords, maxWords, minTokens, maxTokens)',
    ]);
    expect(issues({ steps: [{ type: 'strip-html', a: 1, b: 2 }] })).toEqual([
      'steps[0].a: unknown parameter',
      'steps[0].b: unknown parameter',
    ]);
  });

  it('reports every issue at once, nested paths included', () => {
    expect(
      issues({
        onRecordError: 'ignore',
        rejectSampleSize: -1,
        steps: [
          { type: 'filter-quality', maxTopNgramCharFraction: { '2': 2 } },
          { type: 'redact-pii', types: ['email', 'ssn'] },
          { type: 'filter-language', allowed: [] },
        ],
        extra: true,
      }),
    ).toEqual([
      'onRecordError: expected one of "skip", "fail"',
      'rejectSampleSize: must be at least 0',
      'steps[0].maxTopNgramCharFraction.2: must be at most 1',
      'steps[1].types[1]: expected one of "email", "phone", "credit-card", "iban", "ip-address", "secret"',
      'steps[2].allowed: needs at least 1 language; omit it to allow all',
      'extra: unknown parameter "extra"',
    ]);
  });

  it('requires dedup-near to come after every step that can drop records', () => {
    expect(
      issues({
        steps: [
          { type: 'dedup-near' },
          { type: 'normalize-whitespace' },
          { type: 'filter-length', minWords: 3 },
        ],
      }),
    ).toEqual([
      'steps[2]: filter-length can drop records, so it must come before dedup-near (steps[0]): the near-duplicate index would otherwise hold records the pipeline drops',
    ]);
    expect(() => parseRecipe({ steps: [{ type: 'dedup-near' }, { type: 'redact-pii' }] })).not.toThrow();
  });

  it('validates the optional mapping with the data-formats schema', () => {
    expect(parseRecipe({ mapping: { shape: 'text', fields: { text: 'body' } } }).mapping).toMatchObject({
      shape: 'text',
      fields: { text: 'body' },
    });
    expect(issues({ mapping: { shape: 'table' } })[0]).toMatch(/^mapping\.shape: /);
  });

  it('rejects a format version it does not know', () => {
    expect(issues({ formatVersion: 2 })).toEqual([
      'formatVersion: expected 1 (the only recipe format version)',
    ]);
  });

  it('gives the same wording through RecipeSchema.safeParse (issue.message) for callers that format paths themselves', () => {
    const result = RecipeSchema.safeParse({ steps: [{ type: 'filter-length', minWords: 'x' }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe('expected a number');
  });
});

describe('formatIssuePath', () => {
  it('writes indexes in brackets and keys with dots', () => {
    expect(formatIssuePath(['steps', 3, 'patterns', 0])).toBe('steps[3].patterns[0]');
    expect(formatIssuePath([])).toBe('(recipe)');
  });
});
