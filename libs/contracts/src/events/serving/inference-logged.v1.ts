import { z } from 'zod';

import { ChatMessageSchema } from '../../common/chat-message';
import { CountSchema, ExternalIdSchema, SlugSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { JsonObjectSchema } from '../../common/json-value';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { PromptVersionRefSchema } from '../../common/prompt-version-ref';
import { S3ObjectRefSchema } from '../../common/s3-object-ref';
import { defineEvent } from '../../event-definition';
import { TrafficModeSchema } from './serving-backend';

/** Inline content is capped so a log event stays small; longer exchanges are written to the object store. */
const INLINE_MAX_CHARS = 16_384;

/** The exchange's text: inline when small, in the object store when large, or omitted by policy. */
const InferenceContentSchema = z
  .discriminatedUnion('storage', [
    z.object({
      /** Content inline (each text at most 16384 characters). */
      storage: z.literal('inline').describe('Content inline (each text at most 16384 characters).'),
      /** The prompt: text (completions) or messages (chat completions). */
      prompt: z
        .union([z.string().max(INLINE_MAX_CHARS), z.array(ChatMessageSchema)])
        .describe('The prompt: text (completions) or messages (chat completions).'),
      /** The generated text, or null when generation failed. */
      completion: z
        .string()
        .max(INLINE_MAX_CHARS)
        .nullable()
        .describe('The generated text, or null when generation failed.'),
    }),
    z.object({
      /** Content in the object store (too large to inline). */
      storage: z.literal('s3').describe('Content in the object store (too large to inline).'),
      /** JSON document with the request's prompt or messages. */
      prompt: S3ObjectRefSchema.describe("JSON document with the request's prompt or messages."),
      /** JSON document with the completion, or null when generation failed. */
      completion: S3ObjectRefSchema.nullable().describe(
        'JSON document with the completion, or null when generation failed.',
      ),
    }),
    z.object({
      /** Content not logged (the route's logging policy, or a guardrail redaction). */
      storage: z
        .literal('omitted')
        .describe("Content not logged (the route's logging policy, or a guardrail redaction)."),
    }),
  ])
  .describe("The exchange's text: inline, in the object store, or omitted by policy.");

/** One request served (or refused) by serving. */
export const InferenceLoggedV1Schema = z
  .object({
    /** The request id returned to the client (the response's `id`); feedback refers to it. */
    requestId: ExternalIdSchema.describe(
      "The request id returned to the client (the response's id); feedback refers to it.",
    ),
    /** The route (public model name) called. */
    route: SlugSchema.describe('The route (public model name) called.'),
    /** The deployment that answered, or null when the request was refused before routing. */
    deploymentId: UuidSchema.nullable().describe(
      'The deployment that answered, or null when the request was refused before routing.',
    ),
    /** The model version that answered, or null (external model, or refused before routing). */
    modelVersion: ModelVersionRefSchema.nullable().describe(
      'The model version that answered, or null (external model, or refused before routing).',
    ),
    /** The prompt version applied, or null. */
    promptVersion: PromptVersionRefSchema.nullable().describe('The prompt version applied, or null.'),
    /** How the answering target takes traffic; shadow answers were not returned to the client. */
    mode: TrafficModeSchema,
    /** The API called. */
    endpoint: z.enum(['chat.completions', 'completions']).describe('The API called.'),
    /** The API key that called, or null for a bearer token. */
    apiKeyId: UuidSchema.nullable().describe('The API key that called, or null for a bearer token.'),
    /** Sampling parameters of the request (temperature, top_p, max_tokens, ...). */
    parameters: JsonObjectSchema.describe(
      'Sampling parameters of the request (temperature, top_p, max_tokens, ...).',
    ),
    /** Prompt and completion, or where they are stored. */
    content: InferenceContentSchema,
    /** Token counts. */
    usage: z
      .object({
        /** Tokens in the prompt. */
        promptTokens: CountSchema.describe('Tokens in the prompt.'),
        /** Tokens generated. */
        completionTokens: CountSchema.describe('Tokens generated.'),
        /** Sum of both. */
        totalTokens: CountSchema.describe('Sum of both.'),
      })
      .describe('Token counts.'),
    /** Whether the response was streamed. */
    stream: z.boolean().describe('Whether the response was streamed.'),
    /** Time from request received to last byte sent, in milliseconds. */
    latencyMs: z
      .number()
      .nonnegative()
      .describe('Time from request received to last byte sent, in milliseconds.'),
    /** Time to the first token for streamed responses, in milliseconds, else null. */
    timeToFirstTokenMs: z
      .number()
      .nonnegative()
      .nullable()
      .describe('Time to the first token for streamed responses, in milliseconds, else null.'),
    /** Outcome of the request. */
    status: z
      .enum(['ok', 'error', 'guardrail-blocked', 'rate-limited', 'budget-exceeded', 'timeout'])
      .describe('Outcome of the request.'),
    /** HTTP status returned to the client. */
    httpStatus: z.number().int().min(100).max(599).describe('HTTP status returned to the client.'),
    /** Why generation stopped (OpenAI finish_reason), or null when it did not run. */
    finishReason: z
      .enum(['stop', 'length', 'content_filter', 'tool_calls'])
      .nullable()
      .describe('Why generation stopped (OpenAI finish_reason), or null when it did not run.'),
    /** Stable error code when status is not ok, else null. */
    errorCode: z.string().min(1).nullable().describe('Stable error code when status is not ok, else null.'),
    /** When the request was received. */
    receivedAt: IsoTimestampSchema.describe('When the request was received.'),
  })
  .describe('One request served (or refused) by serving.');

/** One request served (or refused) by serving. */
export type InferenceLoggedV1 = z.output<typeof InferenceLoggedV1Schema>;

export const inferenceLoggedV1 = defineEvent({
  service: 'serving',
  event: 'inference-logged',
  version: 1,
  schema: InferenceLoggedV1Schema,
  description:
    'One request served or refused: route, model and prompt version, content (inline if small, else S3 refs, or omitted by policy), tokens, latency and status; monitoring aggregates it.',
  aggregate: 'the inference request',
  keyOf: (data) => data.requestId,
});
