import removeMarkdown from 'remove-markdown';
import { z } from 'zod';

import { booleanParam, stepObject } from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

export const StripMarkdownStepSchema = stepObject('strip-markdown', {
  type: z.literal('strip-markdown'),
  /** Keep `- ` / `1. ` list markers (they carry structure); default strips them like other markup. */
  keepListMarkers: booleanParam().default(false),
  /** Replace images by their alt text; default removes images entirely. */
  keepImageAltText: booleanParam().default(false),
  /** Understand GitHub-flavoured extensions (tables, strikethrough, fenced code). */
  gfm: booleanParam().default(true),
});

export type StripMarkdownStep = z.output<typeof StripMarkdownStepSchema>;

export function compileStripMarkdown(step: StripMarkdownStep): CompiledStep {
  const options = {
    stripListLeaders: !step.keepListMarkers,
    useImgAltText: step.keepImageAltText,
    gfm: step.gfm,
  };
  const strip = (text: string): string => removeMarkdown(text, options);
  return {
    apply(work) {
      work.transformTexts(strip);
      return undefined;
    },
  };
}
