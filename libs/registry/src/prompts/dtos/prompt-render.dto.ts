import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SlugSchema, type JsonValue } from '@llmops/contracts';
import type { RenderedPrompt } from '../domain/prompt-template';

/** `POST /v1/prompts/{name}/render`: which version (by label or number) and the variable values. */
export const RenderPromptSchema = z
  .strictObject({
    label: SlugSchema.optional(),
    version: z.number().int().min(1).optional(),
    variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .refine((body) => (body.label === undefined) !== (body.version === undefined), {
    error: 'give exactly one of label or version',
    path: ['label'],
  });
export class RenderPromptDto extends createZodDto(RenderPromptSchema) {}
export type RenderPrompt = z.output<typeof RenderPromptSchema>;

export type RenderedPromptView = RenderedPrompt & {
  promptId: string;
  promptName: string;
  versionId: string;
  version: number;
  /** The label resolved, when rendered by label. */
  label: string | null;
  modelParameters: Record<string, JsonValue>;
};
