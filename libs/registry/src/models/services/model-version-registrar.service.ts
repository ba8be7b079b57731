import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type Actor } from '@llmops/contracts';
import { EventPublisher } from '@llmops/messaging';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { ModelRepository } from '../repositories/model.repository';
import { ModelVersionRepository, type NewModelVersion } from '../repositories/model-version.repository';
import { ModelStageRecorder } from './model-stage-recorder.service';

/** A version's content before the registry numbers it. */
export type ModelVersionDraft = Omit<
  NewModelVersion,
  'id' | 'modelId' | 'version' | 'stage' | 'registeredBy' | 'registeredAt' | 'stageChangedAt'
>;

/**
 * The one way a version enters the registry, whatever its source: numbered under the model's row lock,
 * stored as `registered`, its history opened, `model-version-registered` written to the outbox. Must run
 * inside the caller's transaction.
 */
@Injectable()
export class ModelVersionRegistrar {
  constructor(
    private readonly models: ModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly recorder: ModelStageRecorder,
    private readonly events: EventPublisher,
  ) {}

  async register(
    model: { id: string; name: string },
    draft: ModelVersionDraft,
    actor: Actor,
    reason: string,
    /** Given when artifacts were written under the version's folder before it was numbered. */
    id: string = uuidv7(),
  ): Promise<ModelVersionView> {
    const { latestVersion } = await this.models.lock(model.id);
    const version = latestVersion + 1;
    const now = new Date().toISOString();
    await this.versions.insert({
      ...draft,
      id,
      modelId: model.id,
      version,
      stage: 'registered',
      registeredBy: actor,
      registeredAt: now,
      stageChangedAt: now,
    });
    await this.models.setLatestVersion(model.id, version);
    const view = await this.versions.findById(id);
    if (!view) throw new Error(`version ${id} vanished inside its own transaction`);
    await this.recorder.recordRegistration(view, actor, reason);
    await this.events.publish(
      Topics.modelVersionRegistered,
      {
        modelId: model.id,
        modelName: model.name,
        versionId: id,
        version,
        format: view.format,
        artifacts: view.artifacts,
        baseModel: view.baseModel,
        method: view.method,
        datasets: view.lineage.datasets,
        metrics: view.metrics,
        tags: view.tags,
        source: view.source,
        registeredBy: actor,
        registeredAt: now,
      },
      { key: model.id },
    );
    return view;
  }
}
