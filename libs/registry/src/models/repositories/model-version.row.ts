import type { Actor, BaseModelRef, JsonValue, Metrics, ModelFormat, ModelStage } from '@llmops/contracts';
import type {
  ModelVersionLineage,
  ModelVersionSource,
  ModelVersionView,
  TrainingMethod,
  VersionArtifact,
} from '../dtos/model-version-view.dto';

/** A `registry.model_versions` row joined with its model's name and its aliases. */
export interface ModelVersionRow {
  id: string;
  model_id: string;
  model_name: string;
  version: number;
  stage: ModelStage;
  row_version: number;
  format: ModelFormat;
  artifacts: VersionArtifact[];
  base_model: BaseModelRef | null;
  method: TrainingMethod | null;
  hyperparameters: Record<string, JsonValue>;
  metrics: Metrics;
  tags: Record<string, string>;
  description: string;
  lineage: ModelVersionLineage;
  source: ModelVersionSource;
  aliases: string[];
  registered_by: Actor;
  registered_at: Date;
  stage_changed_at: Date;
  retired_at: Date | null;
  retired_reason: string | null;
}

/** Columns of a version row as `v`, its model as `m`. */
export const MODEL_VERSION_COLUMNS = `v.id, v.model_id, m.name AS model_name, v.version, v.stage, v.row_version,
  v.format, v.artifacts, v.base_model, v.method, v.hyperparameters, v.metrics, v.tags, v.description,
  v.lineage, v.source, v.registered_by, v.registered_at, v.stage_changed_at, v.retired_at, v.retired_reason,
  COALESCE((SELECT array_agg(a.alias ORDER BY a.alias) FROM registry.model_aliases a WHERE a.version_id = v.id),
    '{}') AS aliases`;

export function toModelVersionView(r: ModelVersionRow): ModelVersionView {
  return {
    id: r.id,
    modelId: r.model_id,
    modelName: r.model_name,
    version: r.version,
    stage: r.stage,
    rowVersion: r.row_version,
    format: r.format,
    artifacts: r.artifacts,
    baseModel: r.base_model,
    method: r.method,
    hyperparameters: r.hyperparameters,
    metrics: r.metrics,
    tags: r.tags,
    description: r.description,
    lineage: r.lineage,
    source: r.source,
    aliases: r.aliases,
    registeredBy: r.registered_by,
    registeredAt: r.registered_at.toISOString(),
    stageChangedAt: r.stage_changed_at.toISOString(),
    retiredAt: r.retired_at ? r.retired_at.toISOString() : null,
    retiredReason: r.retired_reason,
  };
}
