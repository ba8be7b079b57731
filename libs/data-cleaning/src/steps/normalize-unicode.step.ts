import { z } from 'zod';

import { enumParam, stepObject } from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

export const NormalizeUnicodeStepSchema = stepObject('normalize-unicode', {
  type: z.literal('normalize-unicode'),
  /** NFC keeps every character's meaning; NFKC also folds compatibility forms (ligatures, full-width, ²). */
  form: enumParam(['NFC', 'NFKC']).default('NFC'),
});

export type NormalizeUnicodeStep = z.output<typeof NormalizeUnicodeStepSchema>;

// Pure ASCII is already in every normal form, and testing for it is cheaper than ICU's quick check.
const NON_ASCII = /[\u0080-\uffff]/;

export function compileNormalizeUnicode(step: NormalizeUnicodeStep): CompiledStep {
  const normalize = (text: string): string => (NON_ASCII.test(text) ? text.normalize(step.form) : text);
  return {
    apply(work) {
      work.transformTexts(normalize);
      return undefined;
    },
  };
}
