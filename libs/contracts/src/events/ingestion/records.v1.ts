import { z } from 'zod';

import { ChatMessageSchema } from '../../common/chat-message';
import { ExternalIdSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { JsonObjectSchema } from '../../common/json-value';
import { defineEvent } from '../../event-definition';

/** A prompt as plain text (completion style) or as chat messages. */
const PromptSchema = z
  .union([z.string().min(1), z.array(ChatMessageSchema).min(1)])
  .describe('A prompt: plain text, or chat messages in OpenAI format.');

/** The training example itself, in one of the four shapes ingestion understands. */
export const IngestedRecordContentSchema = z
  .discriminatedUnion('kind', [
    z.object({
      /** Plain text, e.g. for continued pre-training. */
      kind: z.literal('text').describe('Plain text, e.g. for continued pre-training.'),
      /** The text. */
      text: z.string().min(1).describe('The text.'),
    }),
    z.object({
      /** A prompt and the completion wanted for it (SFT). */
      kind: z.literal('prompt-completion').describe('A prompt and the completion wanted for it (SFT).'),
      /** The prompt. */
      prompt: z.string().min(1).describe('The prompt.'),
      /** The wanted completion. */
      completion: z.string().describe('The wanted completion.'),
    }),
    z.object({
      /** A conversation in OpenAI chat format (SFT on chat). */
      kind: z.literal('chat').describe('A conversation in OpenAI chat format (SFT on chat).'),
      /** The conversation's messages, in order. */
      messages: z.array(ChatMessageSchema).min(1).describe("The conversation's messages, in order."),
    }),
    z.object({
      /** A preference pair for a prompt (DPO). */
      kind: z.literal('preference').describe('A preference pair for a prompt (DPO).'),
      /** The prompt, as text or chat messages. */
      prompt: PromptSchema.describe('The prompt, as text or chat messages.'),
      /** The preferred answer. */
      chosen: z.string().describe('The preferred answer.'),
      /** The rejected answer. */
      rejected: z.string().describe('The rejected answer.'),
    }),
  ])
  .describe('The example itself: text, prompt-completion, chat or preference.');

/** Where a record came from, kept in the dataset version's lineage. */
export const RecordProvenanceSchema = z
  .object({
    /** Name of the system that produced the record, e.g. `support-crm-exporter`. */
    producer: z.string().min(1).max(256).describe('Name of the system that produced the record.'),
    /** Original location of the content (URL, file path, ticket link), if any. */
    uri: z
      .string()
      .min(1)
      .optional()
      .describe('Original location of the content (URL, file path, ticket link).'),
    /** When the content was originally collected. */
    collectedAt: IsoTimestampSchema.optional().describe('When the content was originally collected.'),
    /** Licence of the content as an SPDX identifier, e.g. `CC-BY-4.0`. */
    license: z
      .string()
      .min(1)
      .optional()
      .describe('Licence of the content as an SPDX identifier, e.g. CC-BY-4.0.'),
    /** Author or owner of the content, if known and allowed to be kept. */
    author: z
      .string()
      .min(1)
      .optional()
      .describe('Author or owner of the content, if known and allowed to be kept.'),
  })
  .describe('Where the record came from.');

/**
 * One record written by a system outside llmops. The whole message must fit the broker's
 * `max.message.bytes` (1 MiB by default); larger content goes through an upload or an S3 source instead.
 */
export const RecordsV1Schema = z
  .object({
    /** The `kafka` source registered with `POST /v1/sources` that this record feeds; records for unknown sources are dead-lettered. */
    sourceId: UuidSchema.describe(
      'The kafka source registered with POST /v1/sources that this record feeds; records for unknown sources are dead-lettered.',
    ),
    /** The producer's id for the record, unique within the source; a redelivered id is ignored. */
    recordId: ExternalIdSchema.describe(
      "The producer's id for the record, unique within the source; a redelivered id is ignored.",
    ),
    /** The example itself. */
    record: IngestedRecordContentSchema,
    /** Free-form metadata kept with the record (language, tags, ...). */
    metadata: JsonObjectSchema.optional().describe(
      'Free-form metadata kept with the record (language, tags, ...).',
    ),
    /** Where the record came from. */
    provenance: RecordProvenanceSchema,
    /** When the producer wrote the record. */
    producedAt: IsoTimestampSchema.describe('When the producer wrote the record.'),
  })
  .describe('One training record written by an outside producer.');

/** One training record written by an outside producer. */
export type RecordsV1 = z.output<typeof RecordsV1Schema>;

export const recordsV1 = defineEvent({
  service: 'ingestion',
  event: 'records',
  version: 1,
  schema: RecordsV1Schema,
  input: true,
  description:
    'Input topic: systems outside llmops write training records here; ingestion batches them into dataset versions by the size/time policy of the source.',
  aggregate: 'the ingestion source the record feeds',
  keyOf: (data) => data.sourceId,
});
