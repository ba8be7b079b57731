import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const NameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 characters');

/** A recipe is created with its first version; the body is validated by the cleaning library. */
export const CreateRecipeSchema = z.object({
  name: NameSchema,
  description: z.string().max(2000).default(''),
  body: z.unknown().describe('The recipe (steps and their parameters); see docs/services/ingestion.md.'),
});
export class CreateRecipeDto extends createZodDto(CreateRecipeSchema) {}

export const AddRecipeVersionSchema = z.object({ body: z.unknown() });
export class AddRecipeVersionDto extends createZodDto(AddRecipeVersionSchema) {}

export interface RecipeView {
  id: string;
  name: string;
  description: string;
  latestVersion: number;
  createdAt: string;
}

export interface RecipeVersionView {
  recipeId: string;
  version: number;
  body: unknown;
  createdAt: string;
}
