import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { ModelArtifact, RunCompletedV1 } from '@llmops/contracts';
import { REGISTRY_ACTOR } from '../domain/principal-actor';
import { modelNameForRun } from '../domain/run-model-name';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { ModelRepository } from '../repositories/model.repository';
import { ModelVersionRepository } from '../repositories/model-version.repository';
import { ModelLookupService } from './model-lookup.service';
import { ModelVersionRegistrar } from './model-version-registrar.service';

/** Roles of a run's outputs that make up the model version (metrics and logs stay with the run). */
const VERSION_ROLES: ReadonlySet<ModelArtifact['role']> = new Set([
  'model',
  'adapter',
  'tokenizer',
  'config',
  'model-card',
]);

/**
 * Registers a version from training's `run-completed`. Runs inside the consumer's transaction (the one
 * that records the event id); idempotent by run id as well, so a second event for the same run (a
 * replay with a new id) registers nothing. Training verified the artifacts; they stay where the run
 * wrote them (runs' outputs are immutable), so no bytes move inside the handler.
 */
@Injectable()
export class RunRegistrationService {
  constructor(
    private readonly models: ModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly lookup: ModelLookupService,
    private readonly registrar: ModelVersionRegistrar,
  ) {}

  async registerRun(run: RunCompletedV1): Promise<ModelVersionView> {
    const existing = await this.versions.findByRunId(run.runId);
    if (existing) return existing;
    const name = modelNameForRun(run);
    await this.models.insert({
      id: uuidv7(),
      name,
      description: `Fine-tuned with ${run.lineage.method}; registered automatically from training runs.`,
      createdBy: REGISTRY_ACTOR,
    });
    const model = await this.lookup.model(name);
    const kept = run.artifacts.filter((a) => VERSION_ROLES.has(a.role));
    return this.registrar.register(
      model,
      {
        format: run.modelFormat,
        artifacts: kept.length > 0 ? kept : run.artifacts,
        baseModel: run.lineage.baseModel,
        method: run.lineage.method,
        hyperparameters: run.lineage.hyperparameters,
        metrics: run.metrics,
        tags: {},
        description: '',
        lineage: {
          datasets: run.lineage.datasets,
          runId: run.runId,
          training: {
            configHash: run.lineage.configHash,
            executor: run.lineage.executor,
            trainer: run.lineage.trainer,
            startedAt: run.startedAt,
            completedAt: run.completedAt,
          },
        },
        source: { kind: 'training-run', runId: run.runId },
      },
      REGISTRY_ACTOR,
      `registered from training run ${run.runId}`,
    );
  }
}
