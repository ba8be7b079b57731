import { RecordWork } from './step-contract';
import { compileFilterLength, FilterLengthStepSchema } from './filter-length.step';
import { textRecord } from '../testing/step-test-records';

const verdict = (params: Record<string, unknown>, text: string) =>
  compileFilterLength(FilterLengthStepSchema.parse({ type: 'filter-length', ...params })).apply(
    new RecordWork(textRecord(text)),
  );

describe('filter-length', () => {
  it('keeps everything when no bound is set', () => {
    expect(verdict({}, '')).toBeUndefined();
  });

  it('bounds characters', () => {
    expect(verdict({ minChars: 10 }, 'too short')).toMatchObject({
      reason: 'length:min-chars',
      detail: '9 chars < 10',
    });
    expect(verdict({ minChars: 9, maxChars: 9 }, 'just fine')).toBeUndefined();
    expect(verdict({ maxChars: 5 }, 'far too long')).toMatchObject({ reason: 'length:max-chars' });
  });

  it('bounds whitespace-separated words', () => {
    expect(verdict({ minWords: 3 }, 'two  words')).toMatchObject({ reason: 'length:min-words' });
    expect(verdict({ minWords: 3, maxWords: 3 }, 'three\twords\nhere')).toBeUndefined();
    expect(verdict({ maxWords: 2 }, 'one two three')).toMatchObject({ reason: 'length:max-words' });
  });

  it('bounds o200k tokens', () => {
    // "Hello, world!" is 4 tokens in o200k_base: Hello , world !
    expect(verdict({ minTokens: 4, maxTokens: 4 }, 'Hello, world!')).toBeUndefined();
    expect(verdict({ minTokens: 5 }, 'Hello, world!')).toMatchObject({ reason: 'length:min-tokens' });
    expect(verdict({ maxTokens: 3 }, 'Hello, world!')).toMatchObject({ reason: 'length:max-tokens' });
  });

  it('drops text shorter in bytes than minTokens without tokenizing', () => {
    expect(verdict({ minTokens: 100 }, 'tiny')).toMatchObject({
      reason: 'length:min-tokens',
      detail: '4 bytes < 100 tokens',
    });
  });

  it('counts special-token strings in data as text instead of throwing', () => {
    expect(verdict({ maxTokens: 50 }, 'a document ending in <|endoftext|> by mistake')).toBeUndefined();
  });

  it('checks cheap bounds first', () => {
    expect(verdict({ minChars: 100, minWords: 100 }, 'short')).toMatchObject({ reason: 'length:min-chars' });
  });

  it('rejects negative or fractional bounds', () => {
    expect(FilterLengthStepSchema.safeParse({ type: 'filter-length', minWords: -1 }).success).toBe(false);
    expect(FilterLengthStepSchema.safeParse({ type: 'filter-length', minWords: 2.5 }).success).toBe(false);
  });
});
