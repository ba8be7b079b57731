import { z } from 'zod';

import { PiiRedactor, type PiiHits } from '../pii/pii-redactor';
import { DEFAULT_PII_REPLACEMENTS, PII_TYPES, type PiiType } from '../pii/pii-type';
import {
  enumParam,
  listParam,
  objectParam,
  recipeMessages,
  stepObject,
  stringParam,
} from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

const PiiTypeSchema = enumParam(PII_TYPES);

export const RedactPiiStepSchema = stepObject('redact-pii', {
  type: z.literal('redact-pii'),
  /** Which kinds of PII to look for. */
  types: listParam(PiiTypeSchema)
    .min(1, recipeMessages)
    .default([...PII_TYPES]),
  /** `redact` replaces each hit; `drop` drops any record with a hit (reason `pii:<type>`). */
  action: enumParam(['redact', 'drop']).default('redact'),
  /** Replacement text per type, e.g. `{ email: '<email>' }`; defaults are `[EMAIL]`, `[PHONE]`, ... */
  replacements: objectParam(
    Object.fromEntries(PII_TYPES.map((type) => [type, stringParam(0).optional()])) as Record<
      PiiType,
      z.ZodOptional<z.ZodString>
    >,
  ).default({}),
});

export type RedactPiiStep = z.output<typeof RedactPiiStepSchema>;

export function compileRedactPii(step: RedactPiiStep): CompiledStep {
  const replacements = { ...DEFAULT_PII_REPLACEMENTS };
  for (const type of PII_TYPES) replacements[type] = step.replacements[type] ?? replacements[type];
  const redactor = new PiiRedactor(step.types, replacements);
  return {
    apply(work) {
      const hits: PiiHits = {};
      if (step.action === 'redact') {
        work.transformTexts((text) => redactor.redact(text, hits));
      } else {
        redactor.redact(work.text(), hits);
      }
      const found = PII_TYPES.filter((type) => hits[type] !== undefined);
      if (found.length === 0) return undefined;
      work.annotations.piiHits = hits;
      const first = found[0];
      if (step.action === 'redact' || first === undefined) return undefined;
      const text = work.text();
      return {
        reason: `pii:${first}`,
        detail: found.map((type) => `${type} ×${hits[type] ?? 0}`).join(', '),
        // The sample shows the record redacted: it was dropped for containing what the preview would leak.
        preview: () => redactor.redact(text, {}),
      };
    },
  };
}
