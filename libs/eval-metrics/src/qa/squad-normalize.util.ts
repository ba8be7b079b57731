// SQuAD v1.1 answer normalisation (evaluate-v1.1.py `normalize_answer`), reproducing Python's
// Unicode semantics where JavaScript's defaults differ: `\b` there is Unicode-aware, and
// `str.split()` splits on Python's whitespace set, which includes U+001C–U+001F and U+0085 but not
// the U+FEFF that JavaScript's `\s` matches.

/** Python's `string.punctuation`: ASCII only, so '«' or '“' survive normalisation. */
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
/** `\b(a|an|the)\b` with Python's Unicode word characters (letters, digits, underscore). */
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;
/** The characters for which Python's `str.isspace()` is true (U+001C–U+001F are separators there). */
const PYTHON_WHITESPACE = new RegExp(
  `[\\t\\n\\v\\f\\r ${String.fromCharCode(0x1c, 0x1d, 0x1e, 0x1f)}\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+`,
);

/** Python's `str.split()` without arguments: split on whitespace runs, drop empty parts. */
export function splitPythonWhitespace(text: string): string[] {
  return text.split(PYTHON_WHITESPACE).filter((t) => t.length > 0);
}

/** Lowercase, strip ASCII punctuation, drop the articles a/an/the, collapse whitespace. */
export function normalizeSquadAnswer(text: string): string {
  const withoutPunctuation = text.toLowerCase().replace(ASCII_PUNCTUATION, '');
  return splitPythonWhitespace(withoutPunctuation.replace(ARTICLES, ' ')).join(' ');
}
