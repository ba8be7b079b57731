import { pythonSplit } from './python-text';

export type BleuTokenizerName = '13a' | 'intl' | 'char' | 'none';

export const BLEU_TOKENIZERS: readonly BleuTokenizerName[] = ['13a', 'intl', 'char', 'none'];

// sacreBLEU's TokenizerRegexp (mteval-v13a), applied in order; Python `re` with ASCII digit classes.
const REGEXP_RULES: readonly (readonly [RegExp, string])[] = [
  [/([{-~[-` -&(-+:-@/])/gu, ' $1 '],
  [/([^0-9])([.,])/gu, '$1 $2 '],
  [/([.,])([^0-9])/gu, ' $1 $2'],
  [/([0-9])(-)/gu, '$1 $2 '],
];

// sacreBLEU's TokenizerV14International (mteval-v14 --international-tokenization), `regex` Unicode classes.
const INTL_RULES: readonly (readonly [RegExp, string])[] = [
  [/(\P{N})(\p{P})/gu, '$1 $2 '],
  [/(\p{P})(\P{N})/gu, ' $1 $2'],
  [/(\p{S})/gu, ' $1 '],
];

function applyRules(line: string, rules: readonly (readonly [RegExp, string])[]): string {
  let out = line;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return pythonSplit(out).join(' ');
}

function tokenize13a(line: string): string {
  let out = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (out.includes('&'))
    out = out
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  // The padding spaces let the period/comma rules fire at the segment's edges, as mteval-v13a does.
  return applyRules(` ${out} `, REGEXP_RULES);
}

/** Tokenizes one segment exactly as sacreBLEU's tokenizer of that name. */
export function tokenizeBleu(line: string, tokenizer: BleuTokenizerName): string {
  switch (tokenizer) {
    case '13a':
      return tokenize13a(line);
    case 'intl':
      return applyRules(line, INTL_RULES);
    case 'char':
      // Python iterates code points, so astral characters stay whole.
      return Array.from(line).join(' ');
    case 'none':
      return line;
  }
}
