import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';

export interface RecipeRow {
  id: string;
  name: string;
  description: string;
  latestVersion: number;
  createdAt: Date;
}

export interface RecipeVersionRow {
  recipeId: string;
  version: number;
  body: unknown;
  createdAt: Date;
}

interface RawRecipe {
  id: string;
  name: string;
  description: string;
  latest_version: number;
  created_at: Date;
}

const toRecipe = (r: RawRecipe): RecipeRow => ({
  id: r.id,
  name: r.name,
  description: r.description,
  latestVersion: r.latest_version,
  createdAt: new Date(r.created_at),
});

/** Cleaning recipes and their immutable, numbered versions. */
@Injectable()
export class RecipeRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(recipe: { id: string; name: string; description: string }): Promise<void> {
    await this.tx.query('INSERT INTO ingestion.recipes (id, name, description) VALUES ($1, $2, $3)', [
      recipe.id,
      recipe.name,
      recipe.description,
    ]);
  }

  async find(idOrName: string, forUpdate = false): Promise<RecipeRow | null> {
    const byId = /^[0-9a-f-]{36}$/i.test(idOrName);
    const rows = await this.tx.query<RawRecipe[]>(
      `SELECT * FROM ingestion.recipes WHERE ${byId ? 'id = $1::uuid' : 'name = $1'}${forUpdate ? ' FOR UPDATE' : ''}`,
      [idOrName],
    );
    return rows[0] ? toRecipe(rows[0]) : null;
  }

  async list(): Promise<RecipeRow[]> {
    const rows = await this.tx.query<RawRecipe[]>('SELECT * FROM ingestion.recipes ORDER BY name');
    return rows.map(toRecipe);
  }

  async addVersion(recipeId: string, version: number, body: unknown): Promise<void> {
    await this.tx.query(
      'INSERT INTO ingestion.recipe_versions (recipe_id, version, body) VALUES ($1, $2, $3)',
      [recipeId, version, JSON.stringify(body)],
    );
    await this.tx.query('UPDATE ingestion.recipes SET latest_version = $2 WHERE id = $1', [
      recipeId,
      version,
    ]);
  }

  async findVersion(recipeId: string, version: number): Promise<RecipeVersionRow | null> {
    const rows = await this.tx.query<
      { recipe_id: string; version: number; body: unknown; created_at: Date }[]
    >('SELECT * FROM ingestion.recipe_versions WHERE recipe_id = $1 AND version = $2', [recipeId, version]);
    const r = rows[0];
    return r
      ? { recipeId: r.recipe_id, version: r.version, body: r.body, createdAt: new Date(r.created_at) }
      : null;
  }
}
