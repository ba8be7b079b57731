import { isPythonWhitespace, pythonFixed, pythonRstrip, pythonSplit } from './python-text';

describe('python-text', () => {
  it('splits on Python whitespace, not JS \\s', () => {
    expect(pythonSplit(' a\x1cb\x85c\ufeffd  ')).toEqual(['a', 'b', 'c\ufeffd']);
    expect(pythonRstrip('a \x85\t')).toBe('a');
  });

  it('classifies every BMP code unit as the split regex does', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const splits = pythonSplit(`a${String.fromCharCode(code)}b`).length === 2;
      if (isPythonWhitespace(code) !== splits) disagreements.push(code);
    }
    expect(disagreements).toEqual([]);
  });

  it('formats ties half to even like Python', () => {
    expect(pythonFixed(0.125, 2)).toBe('0.12');
    expect(pythonFixed(0.375, 2)).toBe('0.38');
    expect(pythonFixed(2.5, 0)).toBe('2');
    expect(pythonFixed(42.6789, 2)).toBe('42.68');
    expect(pythonFixed(0, 1)).toBe('0.0');
  });
});
