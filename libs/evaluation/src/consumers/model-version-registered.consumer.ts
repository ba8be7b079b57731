import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EventMessage, type ModelVersionRegisteredV1 } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { ModelCatalogRepository } from '../catalog/model-catalog.repository';
import { EvaluationService } from '../evaluations/evaluation.service';

/** A new model version: kept in the catalogue, then evaluated by every suite bound to its model. */
@Controller()
export class ModelVersionRegisteredConsumer {
  private readonly logger = new Logger(ModelVersionRegisteredConsumer.name);

  constructor(
    private readonly models: ModelCatalogRepository,
    private readonly evaluations: EvaluationService,
  ) {}

  @ConsumeEvent('evaluation', Topics.modelVersionRegistered)
  async handle(@Payload() event: EventMessage<ModelVersionRegisteredV1>): Promise<void> {
    const v = event.data;
    const version = {
      modelId: v.modelId,
      modelName: v.modelName,
      versionId: v.versionId,
      version: v.version,
      format: v.format,
      artifacts: v.artifacts,
      baseModel: v.baseModel,
      datasets: v.datasets,
      runId: v.source.kind === 'training-run' ? v.source.runId : null,
    };
    await this.models.add(version, v.registeredAt);
    const { queued, skipped } = await this.evaluations.onModelRegistered({ ...version, stage: 'registered' });
    if (queued.length > 0 || skipped.length > 0) {
      this.logger.log(
        `${v.modelName} v${String(v.version)}: ${String(queued.length)} evaluations queued` +
          (skipped.length > 0 ? `; skipped ${skipped.join('; ')}` : ''),
      );
    }
  }
}
