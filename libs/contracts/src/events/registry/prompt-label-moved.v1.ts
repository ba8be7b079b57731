import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { SlugSchema, UuidSchema, VersionNumberSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { defineEvent } from '../../event-definition';

/** A version of the prompt, by id and number. */
const PromptVersionPointerSchema = z
  .object({
    /** The prompt version. */
    versionId: UuidSchema.describe('The prompt version.'),
    /** Its number within the prompt. */
    version: VersionNumberSchema.describe('Its number within the prompt.'),
  })
  .describe('A version of the prompt.');

/** A prompt label now points at another version. */
export const PromptLabelMovedV1Schema = z
  .object({
    /** The prompt. */
    promptId: UuidSchema.describe('The prompt.'),
    /** The prompt's unique name. */
    promptName: SlugSchema.describe("The prompt's unique name."),
    /** The label, e.g. `production`, `staging`, or a custom one. */
    label: SlugSchema.describe('The label, e.g. production, staging, or a custom one.'),
    /** The version the label pointed at before, or null for a new label. */
    from: PromptVersionPointerSchema.nullable().describe(
      'The version the label pointed at before, or null for a new label.',
    ),
    /** The version the label points at now. */
    to: PromptVersionPointerSchema.describe('The version the label points at now.'),
    /** Whether the label is protected (moving it needs an approval and a passing evaluation). */
    protected: z
      .boolean()
      .describe('Whether the label is protected (moving it needs an approval and a passing evaluation).'),
    /** The approval request that authorised the move, or null. */
    approvalRequestId: UuidSchema.nullable().describe(
      'The approval request that authorised the move, or null.',
    ),
    /** Who moved it. */
    movedBy: ActorSchema,
    /** When it moved. */
    movedAt: IsoTimestampSchema.describe('When it moved.'),
  })
  .describe('A prompt label now points at another version.');

/** A prompt label now points at another version. */
export type PromptLabelMovedV1 = z.output<typeof PromptLabelMovedV1Schema>;

export const promptLabelMovedV1 = defineEvent({
  service: 'registry',
  event: 'prompt-label-moved',
  version: 1,
  schema: PromptLabelMovedV1Schema,
  description:
    'A prompt label (production, staging, custom) now points at another prompt version; serving resolves labels with it.',
  aggregate: 'the prompt',
  keyOf: (data) => data.promptId,
});
