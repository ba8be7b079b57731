import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type DatasetVersionCreatedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { PlanService } from '../plans/plan.service';
import { DatasetCatalogService } from '../services/dataset-catalog.service';

/** A new dataset version: recorded in the catalogue, then offered to the training plans (one transaction). */
@Controller()
export class DatasetVersionCreatedConsumer {
  constructor(
    private readonly catalog: DatasetCatalogService,
    private readonly plans: PlanService,
  ) {}

  @ConsumeEvent('training', Topics.datasetVersionCreated)
  async handle(@Payload() event: EventMessage<DatasetVersionCreatedV1>): Promise<void> {
    await this.catalog.recordVersion(event.data);
    await this.plans.onDatasetVersion(event.data, event.envelope.id);
  }
}
