import { z } from 'zod';

import { booleanParam, intParam, stepObject } from '../recipe/recipe-params';
import { isSpaceCode } from '@llmops/data-formats';
import type { CompiledStep } from './step-contract';

export const NormalizeWhitespaceStepSchema = stepObject('normalize-whitespace', {
  type: z.literal('normalize-whitespace'),
  /** Turn runs of spaces, tabs and Unicode spaces inside a line into one space. */
  collapseSpaces: booleanParam().default(true),
  /** Keep each line's leading whitespace as it is (code, poetry); otherwise lines are left-trimmed. */
  preserveIndentation: booleanParam().default(false),
  /** Most consecutive blank lines kept; longer runs are shortened to this. */
  maxBlankLines: intParam(0).default(1),
});

export type NormalizeWhitespaceStep = z.output<typeof NormalizeWhitespaceStepSchema>;

// Horizontal whitespace: what `\s` matches minus line breaks.
const H = '\\t\\v\\f \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\ufeff';
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// Only runs that need rewriting (a lone ASCII space is left alone).
const RUN = `[${H.replace(' ', '')}][${H}]*| [${H}]+`;
const INNER_RUN = new RegExp(RUN, 'g');
const INNER_RUN_AFTER_TEXT = new RegExp(`(?<=\\S)(?:${RUN})`, 'g');

/**
 * Normalises whitespace line by line in one pass over the characters: most lines are already clean, so
 * the work is a scan, and a line is rewritten only when it has something to change. Returns the input
 * itself when nothing changed.
 */
function whitespaceNormalizer(step: NormalizeWhitespaceStep): (text: string) => string {
  const { collapseSpaces, preserveIndentation, maxBlankLines } = step;
  const collapse = preserveIndentation ? INNER_RUN_AFTER_TEXT : INNER_RUN;
  return (input) => {
    // `includes` is a native memchr-like scan, far cheaper than a regex test over a two-byte string.
    const breaks = input.includes('\r') || input.includes('\u2028') || input.includes('\u2029');
    const text = breaks ? input.replace(LINE_BREAKS, '\n') : input;
    let changed = text !== input;
    // While nothing has changed, the output is the prefix text[0, keptEnd) and no line is sliced: most
    // records are clean, and slicing their lines only to throw them away was wasted work.
    let lines: string[] | null = null;
    let keptEnd = 0;
    let textLines = 0;
    let blankRun = 0;
    let start = 0;
    while (start <= text.length) {
      const newline = text.indexOf('\n', start);
      const lineStart = start;
      const end = newline < 0 ? text.length : newline;
      start = end + 1;
      let first = -1;
      let last = -1;
      let messy = false; // a whitespace run after the indentation that is not one plain space
      let afterSpace = false;
      for (let i = lineStart; i < end; i++) {
        const code = text.charCodeAt(i);
        if (isSpaceCode(code)) {
          if (first >= 0 && (code !== 32 || afterSpace)) messy = true;
          afterSpace = true;
        } else {
          if (first < 0) first = i;
          last = i;
          afterSpace = false;
        }
      }
      if (first < 0) {
        if (end > lineStart) changed = true;
        blankRun++;
        continue;
      }
      // Blank lines are written only between text lines: leading and trailing ones go.
      const kept = textLines > 0 ? Math.min(blankRun, maxBlankLines) : 0;
      if (kept !== blankRun) changed = true;
      blankRun = 0;
      textLines++;
      const from = preserveIndentation ? lineStart : first;
      if (from !== lineStart || last + 1 !== end) changed = true;
      let line: string | undefined;
      if (collapseSpaces && messy) {
        line = text.slice(from, last + 1);
        const collapsed = line.replace(collapse, ' ');
        if (collapsed !== line) {
          changed = true;
          line = collapsed;
        }
      }
      if (!changed) {
        keptEnd = end;
        continue;
      }
      lines ??= textLines > 1 ? [text.slice(0, keptEnd)] : [];
      for (let k = 0; k < kept; k++) lines.push('');
      lines.push(line ?? text.slice(from, last + 1));
    }
    if (blankRun > 0) changed = true;
    if (!changed) return input;
    return lines === null ? text.slice(0, keptEnd) : lines.join('\n');
  };
}

export function compileNormalizeWhitespace(step: NormalizeWhitespaceStep): CompiledStep {
  const normalize = whitespaceNormalizer(step);
  return {
    apply(work) {
      work.transformTexts(normalize);
      return undefined;
    },
  };
}
