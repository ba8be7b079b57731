// sacreBLEU leans on Python's str.split()/str.rstrip(), whose whitespace set differs from JS `\s`:
// Python also splits on \x1c-\x1f and \x85, and does not treat \ufeff as whitespace.
const PYTHON_WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`, 'u');
const TRAILING_WHITESPACE = new RegExp(`[${PYTHON_WHITESPACE}]+$`, 'u');

/** Python's `s.split()`: split on whitespace runs, no empty pieces. */
export function pythonSplit(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((piece) => piece !== '');
}

/** Python's `s.rstrip()`. */
export function pythonRstrip(text: string): string {
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
