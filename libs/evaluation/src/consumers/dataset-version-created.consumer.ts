import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type DatasetVersionCreatedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { DatasetCatalogRepository } from '../catalog/dataset-catalog.repository';

/** A new dataset version: suites can now evaluate on it, and lineage can point at it. */
@Controller()
export class DatasetVersionCreatedConsumer {
  constructor(private readonly catalog: DatasetCatalogRepository) {}

  @ConsumeEvent('evaluation', Topics.datasetVersionCreated)
  async handle(@Payload() event: EventMessage<DatasetVersionCreatedV1>): Promise<void> {
    const d = event.data;
    await this.catalog.add({
      versionId: d.versionId,
      datasetId: d.datasetId,
      datasetName: d.datasetName,
      version: d.version,
      manifestUri: d.manifest.uri,
    });
  }
}
