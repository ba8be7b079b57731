import { TokenSpans } from '../ngram/token-spans';
import { isPythonWhitespace } from './python-text';

// mteval-v13a as sacreBLEU's Tokenizer13a + TokenizerRegexp, without regular expressions. sacreBLEU
// applies four substitutions in turn, then splits on whitespace:
//   1. ([{-~[-` -&(-+:-@/])  → ' $1 '   ASCII punctuation except ' - . , (and the space itself)
//   2. ([^0-9])([.,])        → '$1 $2 '  period/comma after a non-digit
//   3. ([.,])([^0-9])        → ' $1 $2'  period/comma before a non-digit
//   4. ([0-9])(-)            → '$1 $2 '  dash after a digit
//
// The substitutions only insert spaces, so the text after each one is the line's own characters with
// runs of inserted spaces in some of the gaps between them: `gap[k]` is set when spaces were inserted
// just before character k. A run's length never matters: no rule matches two spaces, a run's first
// space can only be rule 3's $2 and its last only rule 2's $1.
//
// Each of rules 2–4 is a pair of single-character classes, so `re.sub` is a left-to-right scan over the
// elements (characters and space runs) that, where the pair matches at (i, i+1), emits the replacement
// and resumes at i + 2. Every match involves a period/comma (rules 2, 3) or a dash (rule 4), so only
// those characters are visited; an element can be skipped by an earlier match only as its $2, which
// `consumed` tracks. The gaps a rule fills are applied after its scan, as `re.sub` reads its input, not
// its output. UTF-16 units give the same matches as code points: the classes are ASCII or their
// complement, and a surrogate pair's halves are two non-digits that are not [.,-].

// ASCII character classes, as bit flags.
const RULE1 = 1;
const WHITESPACE = 2;
const PERIOD_COMMA = 4;
const DASH = 8;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  // Rule 1's class: [{-~], [[-`], [ -&], [(-+], [:-@] and '/'.
  const rule1 =
    (c >= 0x7b && c <= 0x7e) ||
    (c >= 0x5b && c <= 0x60) ||
    (c >= 0x20 && c <= 0x26) ||
    (c >= 0x28 && c <= 0x2b) ||
    (c >= 0x3a && c <= 0x40) ||
    c === 0x2f;
  ASCII_CLASS[c] =
    (rule1 ? RULE1 : 0) |
    (isPythonWhitespace(c) ? WHITESPACE : 0) |
    (c === 0x2e || c === 0x2c ? PERIOD_COMMA : 0) |
    (c === 0x2d ? DASH : 0);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Reused scratch, grown on demand (not re-entrant; JS runs one call at a time). */
let gap = new Uint8Array(256);
let whitespace = new Uint8Array(256);
let periodsCommas = new Int32Array(256);
let dashes = new Int32Array(256);
let pending = new Int32Array(512);

function reserve(length: number): void {
  if (length + 2 <= gap.length) return;
  const size = 2 * (length + 2);
  gap = new Uint8Array(size);
  whitespace = new Uint8Array(size);
  periodsCommas = new Int32Array(size);
  dashes = new Int32Array(size);
  pending = new Int32Array(2 * size);
}

/** Rule 2, ([^0-9])([.,]) → '$1 $2 ': fills the gaps before (unless a space run) and after the [.,]. */
function periodCommaAfterNonDigit(line: string, count: number): void {
  let filled = 0;
  let consumed = -1;
  for (let i = 0; i < count; i++) {
    const k = periodsCommas[i] as number;
    if (gap[k] === 1) {
      // $1 is the space run before k: a non-digit that no match can have consumed.
      pending[filled++] = k + 1;
      consumed = k;
    } else if (k > 0 && consumed !== k - 1 && !isDigit(line.charCodeAt(k - 1))) {
      pending[filled++] = k;
      pending[filled++] = k + 1;
      consumed = k;
    }
  }
  for (let i = 0; i < filled; i++) gap[pending[i] as number] = 1;
}

/** Rule 3, ([.,])([^0-9]) → ' $1 $2': fills the gaps before the [.,] and after it (unless a space run). */
function periodCommaBeforeNonDigit(line: string, count: number): void {
  let filled = 0;
  let consumed = -1;
  for (let i = 0; i < count; i++) {
    const k = periodsCommas[i] as number;
    if (consumed === k) continue;
    if (gap[k + 1] === 1) {
      pending[filled++] = k;
    } else if (k + 1 < line.length && !isDigit(line.charCodeAt(k + 1))) {
      pending[filled++] = k;
      pending[filled++] = k + 1;
      consumed = k + 1;
    }
  }
  for (let i = 0; i < filled; i++) gap[pending[i] as number] = 1;
}

/** Rule 4, ([0-9])(-) → '$1 $2 ': a digit is never a $2, so every digit-dash pair matches. */
function dashAfterDigit(line: string, count: number): void {
  let filled = 0;
  for (let i = 0; i < count; i++) {
    const k = dashes[i] as number;
    if (gap[k] === 0 && k > 0 && isDigit(line.charCodeAt(k - 1))) {
      pending[filled++] = k;
      pending[filled++] = k + 1;
    }
  }
  for (let i = 0; i < filled; i++) gap[pending[i] as number] = 1;
}

/** sacreBLEU's 13a pre-substitutions (skipped markers, line breaks, four HTML entities). */
export function normalize13a(line: string): string {
  let out = line;
  if (out.includes('<skipped>')) out = out.replaceAll('<skipped>', '');
  if (out.includes('\n')) out = out.replaceAll('-\n', '').replaceAll('\n', ' ');
  if (out.includes('&'))
    out = out
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  return out;
}

/** sacreBLEU's 13a tokenizer, as the positions of its tokens in the (normalized, padded) line. */
export function spans13a(text: string, spans: TokenSpans): void {
  // The padding spaces let the period/comma rules fire at the segment's edges, as mteval-v13a does.
  const line = ` ${normalize13a(text)} `;
  const length = line.length;
  reserve(length);
  gap.fill(0, 0, length + 1);
  let nPeriodsCommas = 0;
  let nDashes = 0;
  // Rule 1, and the classes the other rules and the final split look at.
  for (let k = 0; k < length; k++) {
    const c = line.charCodeAt(k);
    if (c < 128) {
      const flags = ASCII_CLASS[c] as number;
      whitespace[k] = flags & WHITESPACE;
      if (flags === 0) continue;
      if ((flags & RULE1) !== 0) {
        gap[k] = 1;
        gap[k + 1] = 1;
      } else if (flags === PERIOD_COMMA) periodsCommas[nPeriodsCommas++] = k;
      else if (flags === DASH) dashes[nDashes++] = k;
    } else whitespace[k] = isPythonWhitespace(c) ? 1 : 0;
  }
  if (nPeriodsCommas > 0) {
    periodCommaAfterNonDigit(line, nPeriodsCommas);
    periodCommaBeforeNonDigit(line, nPeriodsCommas);
  }
  if (nDashes > 0) dashAfterDigit(line, nDashes);
  // Tokens: runs of non-whitespace characters with no filled gap inside.
  spans.line = line;
  spans.count = 0;
  let start = -1;
  for (let k = 0; k < length; k++) {
    const space = whitespace[k] !== 0;
    if (start >= 0 && (space || gap[k] === 1)) {
      spans.push(start, k);
      start = -1;
    }
    if (start < 0 && !space) start = k;
  }
  if (start >= 0) spans.push(start, length);
}

const scratch = new TokenSpans();

/** The tokens of sacreBLEU's 13a tokenizer (what `' '.join(...)` would join), in order. */
export function tokens13a(text: string): string[] {
  spans13a(text, scratch);
  const tokens: string[] = [];
  for (let i = 0; i < scratch.count; i++) tokens.push(scratch.line.slice(scratch.starts[i], scratch.ends[i]));
  return tokens;
}
