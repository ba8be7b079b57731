import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { RecipeSchema } from '@llmops/data-cleaning';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import type { RecipeView, RecipeVersionView } from '../dtos/recipe.dto';
import { RecipeRepository, type RecipeRow } from '../repositories/recipe.repository';

export type Recipe = z.output<typeof RecipeSchema>;

const toView = (r: RecipeRow): RecipeView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  latestVersion: r.latestVersion,
  createdAt: r.createdAt.toISOString(),
});

/** Checks a recipe body, naming every bad path (`steps[2].minWords: ...`) in a 422. */
export function parseRecipe(body: unknown): Recipe {
  const result = RecipeSchema.safeParse(body);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError('INVALID_RECIPE', 422, errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });
}

/** Cleaning recipes: versioned, immutable once stored, referenced by jobs as `{ recipeId, version }`. */
@Injectable()
export class RecipeService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly recipes: RecipeRepository,
  ) {}

  async create(name: string, description: string, body: unknown): Promise<RecipeView> {
    const recipe = parseRecipe(body);
    return this.tx.run(async () => {
      if (await this.recipes.find(name)) {
        throw new AppError('RECIPE_NAME_TAKEN', 409, `a recipe named ${name} already exists`);
      }
      const id = uuidv7();
      await this.recipes.insert({ id, name, description });
      await this.recipes.addVersion(id, 1, recipe);
      return toView(await this.require(id));
    });
  }

  async addVersion(idOrName: string, body: unknown): Promise<RecipeVersionView> {
    const recipe = parseRecipe(body);
    return this.tx.run(async () => {
      const row = await this.recipes.find(idOrName, true);
      if (!row) throw notFound(idOrName);
      await this.recipes.addVersion(row.id, row.latestVersion + 1, recipe);
      return this.version(row.id, row.latestVersion + 1);
    });
  }

  async list(): Promise<RecipeView[]> {
    return (await this.recipes.list()).map(toView);
  }

  async view(idOrName: string): Promise<RecipeView> {
    return toView(await this.require(idOrName));
  }

  /** A stored version; `version` undefined means the latest. */
  async version(idOrName: string, version?: number): Promise<RecipeVersionView> {
    const row = await this.require(idOrName);
    const wanted = version ?? row.latestVersion;
    const found = await this.recipes.findVersion(row.id, wanted);
    if (!found) {
      throw new AppError('RECIPE_VERSION_NOT_FOUND', 404, `recipe ${row.name} has no version ${wanted}`);
    }
    return { ...found, createdAt: found.createdAt.toISOString() };
  }

  private async require(idOrName: string): Promise<RecipeRow> {
    const row = await this.recipes.find(idOrName);
    if (!row) throw notFound(idOrName);
    return row;
  }
}

function notFound(idOrName: string): AppError {
  return new AppError('RECIPE_NOT_FOUND', 404, `no recipe ${idOrName}`);
}
