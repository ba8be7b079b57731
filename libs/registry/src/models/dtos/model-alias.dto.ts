import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SlugSchema, VersionNumberSchema, type Actor } from '@llmops/contracts';

/** Alias names are slugs: `champion`, `challenger`, or any custom one (`eu-rollout`). */
export const AliasNameSchema = SlugSchema;

export const SetAliasSchema = z.object({
  /** The version the alias should point at. */
  version: VersionNumberSchema,
});
export class SetAliasDto extends createZodDto(SetAliasSchema) {}

/** One alias of a model and the version it points at. */
export interface ModelAliasView {
  alias: string;
  version: number;
  versionId: string;
  updatedBy: Actor;
  updatedAt: string;
}
