import { httpFileName } from './http-file-name';
import { isMediaTypeAllowed, mediaTypeOf } from './media-type';

describe('httpFileName', () => {
  const url = new URL('https://example.com/exports/data%20set.jsonl?sig=1');

  it.each([
    [null, 'data set.jsonl'],
    ['attachment; filename="rows.csv"', 'rows.csv'],
    ['attachment; filename=rows.csv', 'rows.csv'],
    ['attachment; filename="x.csv"; filename*=UTF-8\'\'%C3%A9t%C3%A9.csv', 'été.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename=".."', 'data set.jsonl'],
  ])('%j → %j', (disposition, expected) => {
    expect(httpFileName(url, disposition)).toBe(expected);
  });

  it('falls back to a fixed name when the URL has no file segment', () => {
    expect(httpFileName(new URL('https://example.com/'), null)).toBe('download');
  });
});

describe('media types', () => {
  it('drops parameters and case', () => {
    expect(mediaTypeOf('Text/CSV; charset=utf-8')).toBe('text/csv');
    expect(mediaTypeOf('nonsense')).toBeUndefined();
    expect(mediaTypeOf(null)).toBeUndefined();
  });

  it('matches exact types and type/* wildcards', () => {
    expect(isMediaTypeAllowed('text/csv', ['text/csv'])).toBe(true);
    expect(isMediaTypeAllowed('text/html', ['text/*'])).toBe(true);
    expect(isMediaTypeAllowed('text/html', ['text/csv', 'application/*'])).toBe(false);
  });
});
