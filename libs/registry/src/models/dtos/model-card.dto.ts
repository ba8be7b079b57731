import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '@llmops/contracts';
import { MODEL_CARD_SECTION_KEYS } from '../domain/model-card-sections';
import type { RenderedSection } from '../domain/model-card.renderer';

/**
 * Section edits, merged into what is stored: a string replaces that section's body, `null` (or an empty
 * string) drops the edit so the generated body shows again.
 */
export const UpdateModelCardSchema = z.object({
  sections: z
    .partialRecord(z.enum(MODEL_CARD_SECTION_KEYS), z.string().max(20_000).nullable())
    .refine((s) => Object.keys(s).length > 0, 'name at least one section'),
});
export class UpdateModelCardDto extends createZodDto(UpdateModelCardSchema) {}
export type UpdateModelCard = z.output<typeof UpdateModelCardSchema>;

export const ModelCardQuerySchema = z.object({
  format: z.enum(['markdown', 'json']).default('markdown'),
});
export class ModelCardQueryDto extends createZodDto(ModelCardQuerySchema) {}

/** A version's card as `GET .../card?format=json` returns it. */
export interface ModelCardView {
  modelName: string;
  version: number;
  complete: boolean;
  missingSections: string[];
  sections: RenderedSection[];
  markdown: string;
  /** The copy last written to the object store, or null before the first edit. */
  stored: {
    uri: string;
    sha256: string;
    size: number;
    /** False when the version changed since (stage, aliases, ...): the live card differs. */
    current: boolean;
    updatedBy: Actor;
    updatedAt: string;
  } | null;
}
