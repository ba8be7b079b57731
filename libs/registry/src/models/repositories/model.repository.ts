import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { ModelPermissions, ModelView } from '../dtos/model.dto';

interface ModelRow {
  id: string;
  name: string;
  description: string;
  latest_version: number;
  production_version: number | null;
  aliases: Record<string, number> | null;
  owners: string[];
  maintainers: string[];
  created_by: Actor;
  created_at: Date;
  updated_at: Date;
}

const MODEL_COLUMNS = `m.id, m.name, m.description, m.latest_version, m.created_by, m.created_at, m.updated_at,
  (SELECT v.version FROM registry.model_versions v WHERE v.model_id = m.id AND v.stage = 'production')
    AS production_version,
  (SELECT jsonb_object_agg(a.alias, v.version) FROM registry.model_aliases a
     JOIN registry.model_versions v ON v.id = a.version_id WHERE a.model_id = m.id) AS aliases,
  COALESCE((SELECT array_agg(p.subject ORDER BY p.subject) FROM registry.model_permissions p
     WHERE p.model_id = m.id AND p.permission = 'owner'), '{}') AS owners,
  COALESCE((SELECT array_agg(p.subject ORDER BY p.subject) FROM registry.model_permissions p
     WHERE p.model_id = m.id AND p.permission = 'maintainer'), '{}') AS maintainers`;

function toView(r: ModelRow): ModelView {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    latestVersion: r.latest_version,
    productionVersion: r.production_version,
    aliases: r.aliases ?? {},
    owners: r.owners,
    maintainers: r.maintainers,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** All I/O on `registry.models` and `registry.model_permissions`; joins the surrounding transaction. */
@Injectable()
export class ModelRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Inserts unless the name is taken; true when this call created it. */
  async insert(m: { id: string; name: string; description: string; createdBy: Actor }): Promise<boolean> {
    const rows = await this.tx.query<{ id: string }[]>(
      `INSERT INTO registry.models (id, name, description, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [m.id, m.name, m.description, JSON.stringify(m.createdBy)],
    );
    return rows.length === 1;
  }

  async findByName(name: string): Promise<ModelView | null> {
    const rows = await this.tx.query<ModelRow[]>(
      `SELECT ${MODEL_COLUMNS} FROM registry.models m WHERE m.name = $1`,
      [name],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * Locks the model row: version numbering and stage changes of one model happen one at a time, so two
   * promotions of different versions cannot both leave a production version behind.
   */
  async lock(id: string): Promise<{ latestVersion: number }> {
    const rows = await this.tx.query<{ latest_version: number }[]>(
      'SELECT latest_version FROM registry.models WHERE id = $1 FOR UPDATE',
      [id],
    );
    return { latestVersion: rows[0]?.latest_version ?? 0 };
  }

  async list(filter: { limit: number; offset: number; q?: string }): Promise<ModelView[]> {
    const rows = await this.tx.query<ModelRow[]>(
      `SELECT ${MODEL_COLUMNS} FROM registry.models m
       WHERE ($3::text IS NULL OR m.name LIKE '%' || $3 || '%')
       ORDER BY m.name LIMIT $1 OFFSET $2`,
      [filter.limit, filter.offset, filter.q ?? null],
    );
    return rows.map(toView);
  }

  async setLatestVersion(id: string, version: number): Promise<void> {
    await this.tx.query('UPDATE registry.models SET latest_version = $2, updated_at = now() WHERE id = $1', [
      id,
      version,
    ]);
  }

  async setDescription(id: string, description: string): Promise<void> {
    await this.tx.query('UPDATE registry.models SET description = $2, updated_at = now() WHERE id = $1', [
      id,
      description,
    ]);
  }

  /** Replaces the model's owners and maintainers (an owner listed as maintainer too stays owner). */
  async replacePermissions(id: string, p: ModelPermissions): Promise<void> {
    await this.tx.query('DELETE FROM registry.model_permissions WHERE model_id = $1', [id]);
    const owners = new Set(p.owners);
    const entries = [
      ...p.owners.map((subject) => [subject, 'owner'] as const),
      ...p.maintainers.filter((s) => !owners.has(s)).map((subject) => [subject, 'maintainer'] as const),
    ];
    if (entries.length === 0) return;
    await this.tx.query(
      `INSERT INTO registry.model_permissions (model_id, subject, permission)
       SELECT $1, s, p FROM unnest($2::text[], $3::text[]) AS t(s, p)`,
      [id, entries.map(([s]) => s), entries.map(([, perm]) => perm)],
    );
    await this.tx.query('UPDATE registry.models SET updated_at = now() WHERE id = $1', [id]);
  }
}
