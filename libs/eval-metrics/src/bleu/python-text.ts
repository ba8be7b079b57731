// sacreBLEU leans on Python's str.split()/str.rstrip(), whose whitespace set differs from JS `\s`:
// Python also splits on \x1c-\x1f and \x85, and does not treat \ufeff as whitespace.
const PYTHON_WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`, 'u');
const TRAILING_WHITESPACE = new RegExp(`[${PYTHON_WHITESPACE}]+$`, 'u');

/** Whether a UTF-16 code unit (or code point) is whitespace to Python's `str.split()`; same set as above. */
export function isPythonWhitespace(code: number): boolean {
  if (code <= 0x20) return code >= 0x1c ? true : code >= 0x09 && code <= 0x0d;
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Python's `s.split()`: split on whitespace runs, no empty pieces. */
export function pythonSplit(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((piece) => piece !== '');
}

/** Python's `s.rstrip()`. */
export function pythonRstrip(text: string): string {
  if (text.length === 0 || !isPythonWhitespace(text.charCodeAt(text.length - 1))) return text;
  return text.replace(TRAILING_WHITESPACE, '');
}

/**
 * Python's `f"{value:.{digits}f}"`: rounds half to even on the exact binary value, where JS `toFixed`
 * rounds exact ties up (0.125 → "0.12" in Python, "0.13" in JS).
 */
export function pythonFixed(value: number, digits: number): string {
  const rounded = value.toFixed(digits);
  const exact = value.toFixed(Math.min(100, digits + 60));
  const dot = exact.indexOf('.');
  const head = exact.slice(0, digits === 0 ? dot : dot + 1 + digits);
  const tail = exact.slice(dot + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  return Number(head.at(-1)) % 2 === 0 ? head : rounded;
}
