import { z } from 'zod';

import { booleanParam, intParam, listParam, regexParam, stepObject } from '../recipe/recipe-params';
import { DEFAULT_BOILERPLATE_PATTERNS } from './boilerplate-patterns';
import type { CompiledStep } from './step-contract';

// Without the `u` flag: case-insensitive matching in Unicode mode is an order of magnitude slower in V8.
const BOILERPLATE_FLAGS = 'im';

export const RemoveBoilerplateLinesStepSchema = stepObject('remove-boilerplate-lines', {
  type: z.literal('remove-boilerplate-lines'),
  /** Use the built-in patterns (`DEFAULT_BOILERPLATE_PATTERNS`: cookie banners, legal footers, ...). */
  useDefaultPatterns: booleanParam().default(true),
  /** Extra patterns (JavaScript regex sources, flags `im`), matched anywhere in a line. */
  patterns: listParam(regexParam(BOILERPLATE_FLAGS)).default([]),
  /** Only lines up to this many characters are removed; longer lines are content that mentions a phrase. */
  maxLineLength: intParam(1).default(200),
});

export type RemoveBoilerplateLinesStep = z.output<typeof RemoveBoilerplateLinesStepSchema>;

/**
 * Removes whole short lines matching any pattern. Only lines up to `maxLineLength` are tested: content
 * paragraphs are skipped without running the regex, which keeps the step cheap on prose (one combined
 * case-insensitive alternation is slow per character, so the fewer characters it sees the better).
 */
function lineRemover(patterns: readonly string[], maxLineLength: number): (text: string) => string {
  const matcher = new RegExp(patterns.map((p) => `(?:${p})`).join('|'), BOILERPLATE_FLAGS);
  return (text) => {
    let out: string[] | undefined;
    let kept = 0; // start of the text not yet copied to `out`
    let start = 0;
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      if (end - start <= maxLineLength && end > start && matcher.test(text.slice(start, end))) {
        out ??= [];
        out.push(text.slice(kept, start));
        kept = newline === -1 ? text.length : newline + 1;
      }
      start = end + 1;
    }
    if (out === undefined) return text;
    out.push(text.slice(kept));
    const result = out.join('');
    // A removed last line leaves the newline that ended the line before it.
    return result.endsWith('\n') && !text.endsWith('\n') ? result.slice(0, -1) : result;
  };
}

export function compileRemoveBoilerplateLines(step: RemoveBoilerplateLinesStep): CompiledStep {
  const patterns = [...(step.useDefaultPatterns ? DEFAULT_BOILERPLATE_PATTERNS : []), ...step.patterns];
  if (patterns.length === 0) return { apply: () => undefined };
  const remove = lineRemover(patterns, step.maxLineLength);
  return {
    apply(work) {
      work.transformTexts(remove);
      return undefined;
    },
  };
}
