import { z } from 'zod';

import { booleanParam, listParam, stepObject, stringParam } from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

const TAG_NAME = stringParam().regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, { error: 'expected an HTML tag name' });

export const STRIP_HTML_DEFAULT_SKIP_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'nav',
  'footer',
];

export const StripHtmlStepSchema = stepObject('strip-html', {
  type: z.literal('strip-html'),
  /** Elements dropped with everything inside them (scripts, styles, navigation, footers). */
  skipTags: listParam(TAG_NAME).default(STRIP_HTML_DEFAULT_SKIP_TAGS),
  /** Only convert texts that contain a tag, comment or entity; plain text passes untouched (and fast). */
  requireMarkup: booleanParam().default(true),
});

export type StripHtmlStep = z.output<typeof StripHtmlStepSchema>;

// A real tag, comment, doctype or entity: `a < b` or `x<y` in prose do not count as markup.
const MARKUP =
  /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]{0,2000})?\/?>|<!--|<!doctype|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/i;

type HtmlToText = typeof import('html-to-text');

let htmlToText: HtmlToText | undefined;

function loadHtmlToText(): HtmlToText {
  // Loaded on first use: the parser costs ~0.2 s at startup and most recipes never strip HTML.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  htmlToText ??= require('html-to-text') as HtmlToText;
  return htmlToText;
}

export function compileStripHtml(step: StripHtmlStep): CompiledStep {
  const convert = loadHtmlToText().compile({
    wordwrap: false,
    selectors: [
      // Link targets and images are noise in training text; the link text stays.
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'hr', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
        selector,
        options: { uppercase: false },
      })),
      ...step.skipTags.map((selector) => ({ selector: selector.toLowerCase(), format: 'skip' })),
    ],
  });
  const strip = (text: string): string => (step.requireMarkup && !MARKUP.test(text) ? text : convert(text));
  return {
    apply(work) {
      work.transformTexts(strip);
      return undefined;
    },
  };
}
