import { z } from 'zod';

import { SlugSchema, UuidSchema, VersionNumberSchema } from './identifiers';

/** Points at one immutable prompt version in the registry. */
export const PromptVersionRefSchema = z
  .object({
    /** The prompt. */
    promptId: UuidSchema.describe('The prompt.'),
    /** The prompt's unique name, e.g. `support-answer`. */
    promptName: SlugSchema.describe("The prompt's unique name, e.g. support-answer."),
    /** The immutable prompt version. */
    versionId: UuidSchema.describe('The immutable prompt version.'),
    /** The version's number within its prompt. */
    version: VersionNumberSchema.describe("The version's number within its prompt."),
  })
  .describe('One immutable prompt version.');

/** One immutable prompt version. */
export type PromptVersionRef = z.output<typeof PromptVersionRefSchema>;
