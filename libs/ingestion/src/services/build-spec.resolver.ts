import { Injectable } from '@nestjs/common';
import { AppError } from '@llmops/http';
import { DEFAULT_SPLIT_RATIOS, type BuildSpec } from '../domain/build-spec';
import type { BuildOptions } from '../dtos/build-options.dto';
import { DatasetRepository } from '../repositories/dataset.repository';
import { RecipeService } from './recipe.service';

/**
 * Freezes a job's build options: the recipe body is copied in (a later recipe version never changes a
 * queued job), parents must exist, and split ratios fall back to 80/10/10.
 */
@Injectable()
export class BuildSpecResolver {
  constructor(
    private readonly recipes: RecipeService,
    private readonly datasets: DatasetRepository,
  ) {}

  async resolve(options: BuildOptions): Promise<BuildSpec> {
    const recipe = options.recipe
      ? await this.recipes.version(options.recipe.recipe, options.recipe.version).catch((error: unknown) => {
          if (error instanceof AppError && error.status === 404) {
            throw new AppError('UNKNOWN_RECIPE', 422, error.detail, {
              errors: [{ path: 'recipe', message: error.detail }],
            });
          }
          throw error;
        })
      : null;
    for (const [i, parent] of [...options.parents, ...(options.decontaminate?.against ?? [])].entries()) {
      const found = await this.datasets.findVersionById(parent.versionId);
      if (!found || found.datasetId !== parent.datasetId || found.version !== parent.version) {
        throw new AppError('UNKNOWN_DATASET_VERSION', 422, `no dataset version ${parent.versionId}`, {
          errors: [{ path: `parents[${i}]`, message: 'no such dataset version' }],
        });
      }
    }
    return {
      recipe: recipe ? { recipeId: recipe.recipeId, version: recipe.version, body: recipe.body } : null,
      splitRatios: options.splitRatios ?? { ...DEFAULT_SPLIT_RATIOS },
      read: options.read,
      parents: options.parents,
      decontaminate: options.decontaminate,
    };
  }
}
