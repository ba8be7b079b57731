import { segmentLines } from './segment-lines';

describe('segmentLines', () => {
  it('reads lines as sacreBLEU does', () => {
    expect(segmentLines('')).toEqual([]);
    expect(segmentLines('\n')).toEqual(['']);
    expect(segmentLines('a \r\nb\x85\n\nc')).toEqual(['a', 'b', '', 'c']);
    expect(segmentLines('a\u2028b\n')).toEqual(['a\u2028b']);
  });
});
