import { countWords } from './count-words';

describe('countWords', () => {
  it('counts runs of non-whitespace', () => {
    expect(countWords('The quick  brown\tfox\n\njumps.')).toBe(5);
  });

  it('treats Unicode spaces (NBSP, ideographic) as separators', () => {
    expect(countWords('a\u00a0b\u3000c')).toBe(3);
  });

  it('is zero for empty or blank text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \n\t ')).toBe(0);
  });
});
