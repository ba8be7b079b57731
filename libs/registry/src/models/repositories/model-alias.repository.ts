import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { ModelAliasView } from '../dtos/model-alias.dto';

interface AliasRow {
  alias: string;
  version: number;
  version_id: string;
  updated_by: Actor;
  updated_at: Date;
}

/** All I/O on `registry.model_aliases`; joins the surrounding transaction. */
@Injectable()
export class ModelAliasRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Points `alias` at `versionId`, creating or moving it; returns the version it pointed at before. */
  async upsert(modelId: string, alias: string, versionId: string, actor: Actor): Promise<number | null> {
    const before = await this.find(modelId, alias);
    await this.tx.query(
      `INSERT INTO registry.model_aliases (model_id, alias, version_id, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (model_id, alias) DO UPDATE
         SET version_id = EXCLUDED.version_id, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [modelId, alias, versionId, JSON.stringify(actor)],
    );
    return before?.version ?? null;
  }

  async find(modelId: string, alias: string): Promise<ModelAliasView | null> {
    const rows = await this.tx.query<AliasRow[]>(
      `SELECT a.alias, v.version, a.version_id, a.updated_by, a.updated_at FROM registry.model_aliases a
       JOIN registry.model_versions v ON v.id = a.version_id WHERE a.model_id = $1 AND a.alias = $2`,
      [modelId, alias],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async list(modelId: string): Promise<ModelAliasView[]> {
    const rows = await this.tx.query<AliasRow[]>(
      `SELECT a.alias, v.version, a.version_id, a.updated_by, a.updated_at FROM registry.model_aliases a
       JOIN registry.model_versions v ON v.id = a.version_id WHERE a.model_id = $1 ORDER BY a.alias`,
      [modelId],
    );
    return rows.map(toView);
  }

  /** True when the alias existed. */
  async delete(modelId: string, alias: string): Promise<boolean> {
    const rows = await this.tx.query<{ alias: string }[]>(
      // Through a CTE: a bare DELETE comes back from TypeORM as [rows, count], a SELECT as rows.
      `WITH gone AS (DELETE FROM registry.model_aliases WHERE model_id = $1 AND alias = $2 RETURNING alias)
       SELECT alias FROM gone`,
      [modelId, alias],
    );
    return rows.length === 1;
  }

  /** Drops every alias pointing at an archived version: an alias must resolve to something loadable. */
  async deleteForVersion(versionId: string): Promise<string[]> {
    const rows = await this.tx.query<{ alias: string }[]>(
      `WITH gone AS (DELETE FROM registry.model_aliases WHERE version_id = $1 RETURNING alias)
       SELECT alias FROM gone`,
      [versionId],
    );
    return rows.map((r) => r.alias);
  }
}

function toView(r: AliasRow): ModelAliasView {
  return {
    alias: r.alias,
    version: r.version,
    versionId: r.version_id,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at.toISOString(),
  };
}
