import { Injectable } from '@nestjs/common';
import type {
  BaseModelRef,
  DatasetSplitRef,
  ModelArtifact,
  ModelStage,
  ModelVersionRef,
} from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';

export interface CatalogModelVersion extends ModelVersionRef {
  format: string;
  artifacts: ModelArtifact[];
  baseModel: BaseModelRef | null;
  /** The dataset splits it was trained on (lineage), for the contamination check. */
  datasets: DatasetSplitRef[];
  /** The training run that produced it, when it came from one. */
  runId: string | null;
  stage: ModelStage;
}

interface Row {
  version_id: string;
  model_id: string;
  model_name: string;
  version: number;
  format: string;
  artifacts: ModelArtifact[];
  base_model: BaseModelRef | null;
  datasets: DatasetSplitRef[];
  run_id: string | null;
  stage: ModelStage;
}

const COLUMNS =
  'version_id, model_id, model_name, version, format, artifacts, base_model, datasets, run_id, stage';

const toVersion = (r: Row): CatalogModelVersion => ({
  versionId: r.version_id,
  modelId: r.model_id,
  modelName: r.model_name,
  version: r.version,
  format: r.format,
  artifacts: r.artifacts,
  baseModel: r.base_model,
  datasets: r.datasets,
  runId: r.run_id,
  stage: r.stage,
});

/**
 * Evaluation's copy of the registry's model versions (from `model-version-registered`) and their stages
 * (from `model-version-stage-changed`): what to load for a candidate, and who the champion is.
 */
@Injectable()
export class ModelCatalogRepository {
  constructor(private readonly tx: TransactionHost) {}

  async add(v: Omit<CatalogModelVersion, 'stage'>, registeredAt: string): Promise<void> {
    await this.tx.query(
      `INSERT INTO evaluation.model_versions
         (version_id, model_id, model_name, version, format, artifacts, base_model, datasets, run_id, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (version_id) DO NOTHING`,
      [
        v.versionId,
        v.modelId,
        v.modelName,
        v.version,
        v.format,
        JSON.stringify(v.artifacts),
        v.baseModel === null ? null : JSON.stringify(v.baseModel),
        JSON.stringify(v.datasets),
        v.runId,
        registeredAt,
      ],
    );
  }

  /** Applies a stage change unless a newer one was already applied (events of one model arrive in order). */
  async setStage(versionId: string, stage: ModelStage, changedAt: string): Promise<void> {
    await this.tx.query(
      `UPDATE evaluation.model_versions SET stage = $2, stage_changed_at = $3
       WHERE version_id = $1 AND (stage_changed_at IS NULL OR stage_changed_at <= $3)`,
      [versionId, stage, changedAt],
    );
  }

  async byId(versionId: string): Promise<CatalogModelVersion | null> {
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.model_versions WHERE version_id = $1`,
      [versionId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async byName(modelName: string, version: number | 'latest'): Promise<CatalogModelVersion | null> {
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.model_versions
       WHERE model_name = $1 AND ($2::int IS NULL OR version = $2::int) ORDER BY version DESC LIMIT 1`,
      [modelName, version === 'latest' ? null : version],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async listVersions(modelName: string): Promise<CatalogModelVersion[]> {
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.model_versions WHERE model_name = $1 ORDER BY version`,
      [modelName],
    );
    return rows.map(toVersion);
  }

  /** The model's production version (the newest if several), other than `exceptVersionId`. */
  async champion(modelName: string, exceptVersionId: string): Promise<CatalogModelVersion | null> {
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.model_versions
       WHERE model_name = $1 AND stage = 'production' AND version_id <> $2
       ORDER BY stage_changed_at DESC NULLS LAST, version DESC LIMIT 1`,
      [modelName, exceptVersionId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }
}
