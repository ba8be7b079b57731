import { transformed } from '../testing/step-test-records';
import { compileRemoveControlChars, RemoveControlCharsStepSchema } from './remove-control-chars.step';

const compile = (params: Record<string, unknown> = {}) =>
  compileRemoveControlChars(RemoveControlCharsStepSchema.parse({ type: 'remove-control-chars', ...params }));

describe('remove-control-chars', () => {
  it('removes NUL, bell, escape, DEL and C1 controls', () => {
    expect(transformed(compile(), 'a\u0000b\u0007c\u001b[0md\u007fe\u0085f')).toBe('abc[0mdef');
  });

  it('keeps tabs, newlines and carriage returns', () => {
    expect(transformed(compile(), 'a\tb\r\nc\n')).toBe('a\tb\r\nc\n');
  });

  it('removes zero-width spaces, BOM and soft hyphens but keeps ZWJ in emoji sequences', () => {
    expect(transformed(compile(), '\ufeffzero\u200bwidth hy\u00adphen 👩\u200d💻')).toBe(
      'zerowidth hyphen 👩\u200d💻',
    );
  });

  it('keeps invisible characters when asked to', () => {
    expect(transformed(compile({ invisible: false }), 'a\u200bb')).toBe('a\u200bb');
  });

  it('removes lone surrogates but keeps valid pairs', () => {
    expect(transformed(compile(), 'ok \ud83d broken \ude00 😀')).toBe('ok  broken  😀');
  });
});
