import { z } from 'zod';

import { booleanParam, stepObject } from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

export const RemoveControlCharsStepSchema = stepObject('remove-control-chars', {
  type: z.literal('remove-control-chars'),
  /** Also remove invisible format characters: zero-width space, word joiner, BOM, soft hyphen. */
  invisible: booleanParam().default(true),
  /** Also remove lone UTF-16 surrogates (broken text that cannot be encoded as UTF-8). */
  loneSurrogates: booleanParam().default(true),
});

export type RemoveControlCharsStep = z.output<typeof RemoveControlCharsStepSchema>;

// C0 controls except tab, newline and carriage return (whitespace normalisation owns those), DEL, C1.
const CONTROL = '\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f';
// Zero-width joiner/non-joiner (U+200C/D) stay: emoji sequences and several scripts need them.
const INVISIBLE = '\\u200b\\u2060\\ufeff\\u00ad';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

// Surrogates are rare outside emoji; checking for any first keeps the lookaround regex off most texts.
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE, 'g');

/**
 * Whether the text has anything the step might remove: a character loop over clean text (almost all
 * text) is cheaper than a regex scan of a two-byte string, and the regexes then run only when needed.
 */
function needsCleaning(text: string, invisible: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32) {
      if (code !== 9 && code !== 10 && code !== 13) return true;
    } else if (code >= 0x7f) {
      if (code <= 0x9f || (code >= 0xd800 && code <= 0xdfff)) return true;
      if (invisible && (code === 0x200b || code === 0x2060 || code === 0xfeff || code === 0xad)) return true;
    }
  }
  return false;
}

export function compileRemoveControlChars(step: RemoveControlCharsStep): CompiledStep {
  const controls = new RegExp(`[${CONTROL}${step.invisible ? INVISIBLE : ''}]+`, 'g');
  const remove = (text: string): string => {
    if (!needsCleaning(text, step.invisible)) return text;
    const out = text.replace(controls, '');
    return step.loneSurrogates && SURROGATE.test(out) ? out.replace(LONE_SURROGATES, '') : out;
  };
  return {
    apply(work) {
      work.transformTexts(remove);
      return undefined;
    },
  };
}
