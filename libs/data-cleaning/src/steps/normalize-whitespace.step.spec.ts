import { transformed } from '../testing/step-test-records';
import { compileNormalizeWhitespace, NormalizeWhitespaceStepSchema } from './normalize-whitespace.step';

const compile = (params: Record<string, unknown> = {}) =>
  compileNormalizeWhitespace(
    NormalizeWhitespaceStepSchema.parse({ type: 'normalize-whitespace', ...params }),
  );

describe('normalize-whitespace', () => {
  it('collapses runs of spaces, tabs and Unicode spaces inside lines', () => {
    expect(transformed(compile(), 'a  b\t\tc\u00a0d \u3000 e')).toBe('a b c d e');
  });

  it('normalises CRLF and CR to LF and trims every line and the text', () => {
    expect(transformed(compile(), '  first line  \r\n\tsecond\rthird   \n')).toBe(
      'first line\nsecond\nthird',
    );
  });

  it('turns Unicode line and paragraph separators into newlines', () => {
    expect(transformed(compile(), 'one\u2028two\u2029three')).toBe('one\ntwo\nthree');
  });

  it('shortens runs of blank lines to maxBlankLines', () => {
    expect(transformed(compile(), 'a\n\n\n\n\nb\n \n\t\nc')).toBe('a\n\nb\n\nc');
    expect(transformed(compile({ maxBlankLines: 0 }), 'a\n\n\nb')).toBe('a\nb');
    expect(transformed(compile({ maxBlankLines: 2 }), 'a\n\n\n\n\nb')).toBe('a\n\n\nb');
  });

  it('keeps indentation of code when asked, collapsing only inside lines', () => {
    const code = 'def f(x):\n    if x:\n        return  x   \n';
    expect(transformed(compile({ preserveIndentation: true }), code)).toBe(
      'def f(x):\n    if x:\n        return x',
    );
  });

  it('can leave runs of spaces alone', () => {
    expect(transformed(compile({ collapseSpaces: false }), 'a   b  ')).toBe('a   b');
  });

  it('leaves clean text unchanged', () => {
    const text = 'One line.\n\nAnother paragraph here.';
    expect(transformed(compile(), text)).toBe(text);
  });

  it('keeps the clean lines before the first change, and drops trailing blank lines of clean text', () => {
    expect(transformed(compile(), 'a b\n\nc d\n  e  f  \n\n\n')).toBe('a b\n\nc d\ne f');
    expect(transformed(compile(), 'a b\n\nc d\n\n\n')).toBe('a b\n\nc d');
    expect(transformed(compile({ maxBlankLines: 0 }), 'a b\nc d\n\ne')).toBe('a b\nc d\ne');
  });
});
