import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EventMessage, type ModelVersionStageChangedV1 } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { ModelCatalogRepository } from '../catalog/model-catalog.repository';

/** Stage changes: who is in production is who a candidate is compared with. */
@Controller()
export class ModelVersionStageChangedConsumer {
  constructor(private readonly models: ModelCatalogRepository) {}

  @ConsumeEvent('evaluation', Topics.modelVersionStageChanged)
  async handle(@Payload() event: EventMessage<ModelVersionStageChangedV1>): Promise<void> {
    await this.models.setStage(event.data.versionId, event.data.toStage, event.data.changedAt);
  }
}
