import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SlugSchema, type Actor } from '@llmops/contracts';

/** A principal's subject as the auth lib reports it: a JWT `sub`, or `api-key:<name>`. */
const SubjectSchema = z.string().trim().min(1).max(256);

const SubjectListSchema = z
  .array(SubjectSchema)
  .max(100)
  .transform((subjects) => [...new Set(subjects)]);

export const CreateModelSchema = z.object({
  /** Unique URL-safe name, e.g. `support-bot`; the model's handle in every path. */
  name: SlugSchema,
  description: z.string().max(4000).default(''),
  /** Subjects who own the model (may change its permissions); the creator is always added. */
  owners: SubjectListSchema.default([]),
  /** Subjects (ml-engineers) who may register versions, move stages and aliases. */
  maintainers: SubjectListSchema.default([]),
});
export class CreateModelDto extends createZodDto(CreateModelSchema) {}
export type CreateModel = z.output<typeof CreateModelSchema>;

export const UpdateModelSchema = z.object({
  description: z.string().max(4000),
});
export class UpdateModelDto extends createZodDto(UpdateModelSchema) {}

export const ModelPermissionsSchema = z.object({
  owners: SubjectListSchema,
  maintainers: SubjectListSchema,
});
export class ModelPermissionsDto extends createZodDto(ModelPermissionsSchema) {}
export type ModelPermissions = z.output<typeof ModelPermissionsSchema>;

export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export class ListQueryDto extends createZodDto(ListQuerySchema) {}

/** A registered model. */
export interface ModelView {
  id: string;
  name: string;
  description: string;
  /** Number of the newest version; 0 before the first. */
  latestVersion: number;
  /** The version in production, if any. */
  productionVersion: number | null;
  /** Alias → version number. */
  aliases: Record<string, number>;
  owners: string[];
  maintainers: string[];
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
}
