import { isPythonWhitespace, pythonSplit } from './python-text';
import { tokens13a } from './tokenize-13a';

export type BleuTokenizerName = '13a' | 'intl' | 'char' | 'none';

export const BLEU_TOKENIZERS: readonly BleuTokenizerName[] = ['13a', 'intl', 'char', 'none'];

// sacreBLEU's TokenizerV14International (mteval-v14 --international-tokenization), `regex` Unicode classes.
const INTL_RULES: readonly (readonly [RegExp, string])[] = [
  [/(\P{N})(\p{P})/gu, '$1 $2 '],
  [/(\p{P})(\P{N})/gu, ' $1 $2'],
  [/(\p{S})/gu, ' $1 '],
];

function tokensIntl(line: string): string[] {
  let out = line;
  for (const [pattern, replacement] of INTL_RULES) out = out.replace(pattern, replacement);
  return pythonSplit(out);
}

/** Python iterates code points, so astral characters stay whole; whitespace only separates. */
function tokensChar(line: string): string[] {
  return Array.from(line).filter((char) => !isPythonWhitespace(char.codePointAt(0) ?? 0));
}

/** Tokenizes one segment exactly as sacreBLEU's tokenizer of that name. */
export function tokenizeBleu(line: string, tokenizer: BleuTokenizerName): string {
  switch (tokenizer) {
    case '13a':
      return tokens13a(line).join(' ');
    case 'intl':
      return tokensIntl(line).join(' ');
    case 'char':
      // sacreBLEU's TokenizerChar joins every code point, whitespace included, without collapsing.
      return Array.from(line).join(' ');
    case 'none':
      return line;
  }
}

/** The tokens BLEU counts: `tokenizeBleu(line, tokenizer).split()` in Python, without the round trip. */
export function bleuTokens(line: string, tokenizer: BleuTokenizerName): string[] {
  switch (tokenizer) {
    case '13a':
      return tokens13a(line);
    case 'intl':
      return tokensIntl(line);
    case 'char':
      return tokensChar(line);
    case 'none':
      return pythonSplit(line);
  }
}
