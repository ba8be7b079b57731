import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order of the input', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    // From RFC 8785 §3.2.3: "ö" (U+00F6) < "€" (U+20AC) < "😀" (surrogates D83D DE00).
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ud83d\ude00': 'Emoji',
      '1': 'One',
      ö: 'o',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","ö":"o","€":"Euro Sign","😀":"Emoji"}',
    );
  });

  it('writes numbers in their shortest round-trip form and keeps array order', () => {
    expect(canonicalJson([1e21, 0.1, -0, 5e-324, 333333333.3333333])).toBe(
      '[1e+21,0.1,0,5e-324,333333333.3333333]',
    );
  });

  it('escapes control characters, so NUL survives a text column', () => {
    expect(canonicalJson('a\u0000b\n')).toBe('"a\\u0000b\\n"');
  });

  it('omits undefined members and refuses values JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
