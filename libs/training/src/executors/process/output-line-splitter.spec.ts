import { OutputLineSplitter } from './output-line-splitter';

describe('OutputLineSplitter', () => {
  it('splits on \\n, \\r\\n and \\r across chunks, dropping empty lines', () => {
    const splitter = new OutputLineSplitter();
    expect(splitter.push('one\ntw')).toEqual(['one']);
    expect(splitter.push('o\r')).toEqual(['two']);
    expect(splitter.push('\nthree\r\n\n10%\r20%\r')).toEqual(['three', '10%', '20%']);
    expect(splitter.push('last')).toEqual([]);
    expect(splitter.end()).toEqual(['last']);
    expect(splitter.end()).toEqual([]);
  });

  it('cuts an overlong line once and skips the rest of it', () => {
    const splitter = new OutputLineSplitter(5);
    expect(splitter.push('abcdefgh')).toEqual(['abcde …[cut]']);
    expect(splitter.push('ijklmnop')).toEqual([]);
    expect(splitter.push('qr\nok\n')).toEqual(['ok']);
    expect(splitter.push('123456\nnext\n')).toEqual(['12345 …[cut]', 'next']);
  });
});
