import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { JsonObjectSchema } from '../../common/json-value';
import { PromptVersionRefSchema } from '../../common/prompt-version-ref';
import { defineEvent } from '../../event-definition';

/** Templates are small (bounded here); large assets belong in the object store. */
const TEMPLATE_MAX_CHARS = 100_000;

/** A prompt template: text, or chat messages whose contents may hold `{{variables}}`. */
const PromptTemplateSchema = z
  .discriminatedUnion('kind', [
    z.object({
      /** A text (completion) template. */
      kind: z.literal('text').describe('A text (completion) template.'),
      /** The template text with `{{variable}}` placeholders. */
      text: z.string().max(TEMPLATE_MAX_CHARS).describe('The template text with {{variable}} placeholders.'),
    }),
    z.object({
      /** A chat template. */
      kind: z.literal('chat').describe('A chat template.'),
      /** Messages with `{{variable}}` placeholders in their content. */
      messages: z
        .array(
          z.object({
            /** Who speaks. */
            role: z.enum(['system', 'developer', 'user', 'assistant']).describe('Who speaks.'),
            /** Message content template. */
            content: z.string().max(TEMPLATE_MAX_CHARS).describe('Message content template.'),
          }),
        )
        .min(1)
        .describe('Messages with {{variable}} placeholders in their content.'),
    }),
  ])
  .describe('The template: text, or chat messages.');

/** A new immutable prompt version was created. */
export const PromptVersionCreatedV1Schema = PromptVersionRefSchema.extend({
  /** The template. */
  template: PromptTemplateSchema,
  /** Names of the variables the template uses. */
  variables: z.array(z.string().min(1)).describe('Names of the variables the template uses.'),
  /** Model parameters stored with the prompt (temperature, max_tokens, ...). */
  modelParameters: JsonObjectSchema.describe(
    'Model parameters stored with the prompt (temperature, max_tokens, ...).',
  ),
  /** The author's commit message. */
  commitMessage: z.string().describe("The author's commit message."),
  /** Who created it. */
  createdBy: ActorSchema,
  /** When it was created. */
  createdAt: IsoTimestampSchema.describe('When it was created.'),
}).describe('A new immutable prompt version was created.');

/** A new immutable prompt version was created. */
export type PromptVersionCreatedV1 = z.output<typeof PromptVersionCreatedV1Schema>;

export const promptVersionCreatedV1 = defineEvent({
  service: 'registry',
  event: 'prompt-version-created',
  version: 1,
  schema: PromptVersionCreatedV1Schema,
  description: 'A new immutable prompt version was created in the prompt registry.',
  aggregate: 'the prompt',
  keyOf: (data) => data.promptId,
});
