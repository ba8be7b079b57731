import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SlugSchema } from '@llmops/contracts';

/** `/v1/prompts/{name}`. */
export const PromptParamsSchema = z.object({ name: SlugSchema });
export class PromptParamsDto extends createZodDto(PromptParamsSchema) {}

/** `/v1/prompts/{name}/versions/{version}`. */
export const PromptVersionParamsSchema = z.object({
  name: SlugSchema,
  version: z.coerce.number().int().min(1),
});
export class PromptVersionParamsDto extends createZodDto(PromptVersionParamsSchema) {}

/** `/v1/prompts/{name}/labels/{label}`. */
export const PromptLabelParamsSchema = z.object({ name: SlugSchema, label: SlugSchema });
export class PromptLabelParamsDto extends createZodDto(PromptLabelParamsSchema) {}
