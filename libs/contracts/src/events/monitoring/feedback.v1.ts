import { z } from 'zod';

import { ExternalIdSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { JsonObjectSchema } from '../../common/json-value';
import { defineEvent } from '../../event-definition';
import { FeedbackSignalSchema } from './feedback-signal';

/** Feedback on one answer, written by an application outside llmops. */
export const FeedbackV1Schema = z
  .object({
    /** The application's id for this feedback, unique per application; a redelivered id is ignored. */
    feedbackId: ExternalIdSchema.describe(
      "The application's id for this feedback, unique per application; a redelivered id is ignored.",
    ),
    /** The `id` of the llmops response the feedback is about. */
    requestId: ExternalIdSchema.describe('The id of the llmops response the feedback is about.'),
    /** Name of the application sending the feedback. */
    application: z.string().min(1).max(256).describe('Name of the application sending the feedback.'),
    /** What the user said. */
    signal: FeedbackSignalSchema,
    /** Free-text comment, if any (at most 4096 characters). */
    comment: z.string().max(4096).optional().describe('Free-text comment, if any (at most 4096 characters).'),
    /** Pseudonymous id of the end user, if the application shares one (never an e-mail or a name). */
    endUserId: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe(
        'Pseudonymous id of the end user, if the application shares one (never an e-mail or a name).',
      ),
    /** Free-form metadata (screen, locale, experiment arm, ...). */
    metadata: JsonObjectSchema.optional().describe(
      'Free-form metadata (screen, locale, experiment arm, ...).',
    ),
    /** When the user gave the feedback. */
    givenAt: IsoTimestampSchema.describe('When the user gave the feedback.'),
  })
  .describe('Feedback on one answer, written by an outside application.');

/** Feedback on one answer, written by an outside application. */
export type FeedbackV1 = z.output<typeof FeedbackV1Schema>;

export const feedbackV1 = defineEvent({
  service: 'monitoring',
  event: 'feedback',
  version: 1,
  schema: FeedbackV1Schema,
  input: true,
  description:
    'Input topic: applications outside llmops write end-user feedback on answers here (the same body POST /v1/feedback accepts); monitoring validates it and publishes feedback-received.',
  aggregate: 'the inference request the feedback is about',
  keyOf: (data) => data.requestId,
});
