import { Injectable } from '@nestjs/common';
import type { DatasetVersionCreatedV1 } from '@llmops/contracts';
import {
  DatasetCatalogRepository,
  type CatalogDataset,
  type CatalogVersion,
} from '../repositories/dataset-catalog.repository';

/** Keeps the list of dataset versions that training plans and runs can select from. */
@Injectable()
export class DatasetCatalogService {
  constructor(private readonly catalog: DatasetCatalogRepository) {}

  async recordVersion(event: DatasetVersionCreatedV1): Promise<void> {
    await this.catalog.addVersion({
      versionId: event.versionId,
      datasetId: event.datasetId,
      datasetName: event.datasetName,
      version: event.version,
      manifestUri: event.manifest.uri,
      trainRecords: event.counts.train,
      announcedAt: event.createdAt,
    });
  }

  listDatasets(): Promise<CatalogDataset[]> {
    return this.catalog.listDatasets();
  }

  listVersions(datasetId: string): Promise<CatalogVersion[]> {
    return this.catalog.listVersions(datasetId);
  }
}
