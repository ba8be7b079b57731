import { z } from 'zod';

import { ExternalIdSchema, SlugSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { PromptVersionRefSchema } from '../../common/prompt-version-ref';
import { defineEvent } from '../../event-definition';
import { FeedbackSignalSchema } from './feedback-signal';

/** Feedback accepted by monitoring and joined to the request it is about. */
export const FeedbackReceivedV1Schema = z
  .object({
    /** Monitoring's id for the stored feedback. */
    feedbackId: UuidSchema.describe("Monitoring's id for the stored feedback."),
    /** The sender's own id for the feedback. */
    externalFeedbackId: ExternalIdSchema.describe("The sender's own id for the feedback."),
    /** The request the feedback is about. */
    requestId: ExternalIdSchema.describe('The request the feedback is about.'),
    /** How it arrived: `POST /v1/feedback` or the input topic. */
    channel: z
      .enum(['http', 'kafka'])
      .describe('How it arrived: POST /v1/feedback (http) or the input topic (kafka).'),
    /** Name of the application that sent it. */
    application: z.string().min(1).describe('Name of the application that sent it.'),
    /** The route the request called, or null when the request is not (yet) known. */
    route: SlugSchema.nullable().describe(
      'The route the request called, or null when the request is not (yet) known.',
    ),
    /** The model version that answered, or null when unknown. */
    modelVersion: ModelVersionRefSchema.nullable().describe(
      'The model version that answered, or null when unknown.',
    ),
    /** The prompt version applied, or null. */
    promptVersion: PromptVersionRefSchema.nullable().describe('The prompt version applied, or null.'),
    /** What the user said. */
    signal: FeedbackSignalSchema,
    /** Free-text comment, or null. */
    comment: z.string().nullable().describe('Free-text comment, or null.'),
    /** Pseudonymous end-user id, or null. */
    endUserId: z.string().nullable().describe('Pseudonymous end-user id, or null.'),
    /** When the user gave the feedback. */
    givenAt: IsoTimestampSchema.describe('When the user gave the feedback.'),
    /** When monitoring accepted it. */
    receivedAt: IsoTimestampSchema.describe('When monitoring accepted it.'),
  })
  .describe('Feedback accepted by monitoring and joined to its request.');

/** Feedback accepted by monitoring and joined to its request. */
export type FeedbackReceivedV1 = z.output<typeof FeedbackReceivedV1Schema>;

export const feedbackReceivedV1 = defineEvent({
  service: 'monitoring',
  event: 'feedback-received',
  version: 1,
  schema: FeedbackReceivedV1Schema,
  description:
    'Feedback (HTTP or input topic) was validated, stored and joined to the request, route and model version it is about; labeling can queue it for review.',
  aggregate: 'the inference request the feedback is about',
  keyOf: (data) => data.requestId,
});
