import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type DatasetVersionCreatedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { DatasetCatalogService } from '../services/dataset-catalog.service';

@Controller()
export class DatasetVersionCreatedConsumer {
  constructor(private readonly catalog: DatasetCatalogService) {}

  @ConsumeEvent('training', Topics.datasetVersionCreated)
  handle(@Payload() event: EventMessage<DatasetVersionCreatedV1>): Promise<void> {
    return this.catalog.recordVersion(event.data);
  }
}
