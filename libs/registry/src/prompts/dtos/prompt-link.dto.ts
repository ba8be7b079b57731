import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { UuidSchema, type Actor } from '@llmops/contracts';

/**
 * What a prompt version is linked to: a dataset version rendered with it, a model version trained on
 * such data, an evaluation run with it (the evidence protected labels need).
 */
export const PROMPT_LINK_KINDS = ['dataset-version', 'model-version', 'evaluation'] as const;
export type PromptLinkKind = (typeof PROMPT_LINK_KINDS)[number];

/** `POST /v1/prompts/{name}/versions/{v}/links`. */
export const CreatePromptLinkSchema = z.strictObject({
  kind: z.enum(PROMPT_LINK_KINDS),
  targetId: UuidSchema,
  note: z
    .string()
    .max(2000)
    .refine((note) => !note.includes('\u0000'), 'must not contain the NUL character (U+0000)')
    .default(''),
});
export class CreatePromptLinkDto extends createZodDto(CreatePromptLinkSchema) {}

/** `GET /v1/prompts/links?kind=&targetId=`: which prompt versions a dataset/model version/evaluation is linked to. */
export const PromptLinkQuerySchema = z.strictObject({
  kind: z.enum(PROMPT_LINK_KINDS),
  targetId: UuidSchema,
});
export class PromptLinkQueryDto extends createZodDto(PromptLinkQuerySchema) {}

export interface PromptLinkView {
  id: string;
  promptId: string;
  promptName: string;
  versionId: string;
  version: number;
  kind: PromptLinkKind;
  targetId: string;
  note: string;
  /** For evaluation links: the gate verdict received from `evaluation-completed`, `pending` until then. */
  evaluationVerdict: 'pass' | 'fail' | 'no-gate' | 'pending' | null;
  createdBy: Actor;
  createdAt: string;
}
