import { Injectable } from '@nestjs/common';
import type { ModelStage } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { MODEL_VERSION_COLUMNS, toModelVersionView, type ModelVersionRow } from './model-version.row';

/** A version about to be inserted: everything but what the database keeps itself. */
export type NewModelVersion = Omit<
  ModelVersionView,
  'modelName' | 'rowVersion' | 'aliases' | 'retiredAt' | 'retiredReason'
>;

/** What a stage change writes. */
export interface StageUpdate {
  versionId: string;
  expectedRowVersion: number;
  toStage: ModelStage;
  changedAt: Date;
  retiredReason: string | null;
}

/** All I/O on `registry.model_versions`; joins the surrounding transaction. */
@Injectable()
export class ModelVersionRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(v: NewModelVersion): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.model_versions (id, model_id, version, stage, format, artifacts, base_model, method,
         hyperparameters, metrics, tags, description, lineage, run_id, source, registered_by, registered_at,
         stage_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        v.id,
        v.modelId,
        v.version,
        v.stage,
        v.format,
        JSON.stringify(v.artifacts),
        v.baseModel === null ? null : JSON.stringify(v.baseModel),
        v.method,
        JSON.stringify(v.hyperparameters),
        JSON.stringify(v.metrics),
        JSON.stringify(v.tags),
        v.description,
        JSON.stringify(v.lineage),
        v.lineage.runId,
        JSON.stringify(v.source),
        JSON.stringify(v.registeredBy),
        v.registeredAt,
        v.stageChangedAt,
      ],
    );
  }

  async find(modelId: string, version: number): Promise<ModelVersionView | null> {
    const rows = await this.tx.query<ModelVersionRow[]>(
      `SELECT ${MODEL_VERSION_COLUMNS} FROM registry.model_versions v JOIN registry.models m ON m.id = v.model_id
       WHERE v.model_id = $1 AND v.version = $2`,
      [modelId, version],
    );
    return rows[0] ? toModelVersionView(rows[0]) : null;
  }

  async findById(id: string): Promise<ModelVersionView | null> {
    const rows = await this.tx.query<ModelVersionRow[]>(
      `SELECT ${MODEL_VERSION_COLUMNS} FROM registry.model_versions v JOIN registry.models m ON m.id = v.model_id
       WHERE v.id = $1`,
      [id],
    );
    return rows[0] ? toModelVersionView(rows[0]) : null;
  }

  async findByRunId(runId: string): Promise<ModelVersionView | null> {
    const rows = await this.tx.query<ModelVersionRow[]>(
      `SELECT ${MODEL_VERSION_COLUMNS} FROM registry.model_versions v JOIN registry.models m ON m.id = v.model_id
       WHERE v.run_id = $1`,
      [runId],
    );
    return rows[0] ? toModelVersionView(rows[0]) : null;
  }

  async list(
    modelId: string,
    filter: { stage?: ModelStage; limit: number; offset: number },
  ): Promise<ModelVersionView[]> {
    const rows = await this.tx.query<ModelVersionRow[]>(
      `SELECT ${MODEL_VERSION_COLUMNS} FROM registry.model_versions v JOIN registry.models m ON m.id = v.model_id
       WHERE v.model_id = $1 AND ($2::text IS NULL OR v.stage = $2)
       ORDER BY v.version DESC LIMIT $3 OFFSET $4`,
      [modelId, filter.stage ?? null, filter.limit, filter.offset],
    );
    return rows.map(toModelVersionView);
  }

  /** The model's production version other than `exceptVersionId`, if any. */
  async findProduction(modelId: string, exceptVersionId: string): Promise<ModelVersionView | null> {
    const rows = await this.tx.query<ModelVersionRow[]>(
      `SELECT ${MODEL_VERSION_COLUMNS} FROM registry.model_versions v JOIN registry.models m ON m.id = v.model_id
       WHERE v.model_id = $1 AND v.stage = 'production' AND v.id <> $2`,
      [modelId, exceptVersionId],
    );
    return rows[0] ? toModelVersionView(rows[0]) : null;
  }

  /**
   * Compare-and-set on `row_version`: true when this call moved the row, false when someone else changed
   * it since `expectedRowVersion` was read (the caller answers 409 then).
   */
  async updateStage(u: StageUpdate): Promise<boolean> {
    // A CTE so the count comes back as a plain row on every driver (PostgreSQL and PGlite alike).
    const rows = await this.tx.query<{ n: number }[]>(
      `WITH moved AS (
         UPDATE registry.model_versions
         SET stage = $3, row_version = row_version + 1, stage_changed_at = $4,
           retired_at = CASE WHEN $3 = 'archived' THEN $4::timestamptz ELSE NULL END,
           retired_reason = CASE WHEN $3 = 'archived' THEN $5 ELSE NULL END
         WHERE id = $1 AND row_version = $2
         RETURNING id)
       SELECT count(*)::int AS n FROM moved`,
      [u.versionId, u.expectedRowVersion, u.toStage, u.changedAt, u.retiredReason],
    );
    return rows[0]?.n === 1;
  }
}
