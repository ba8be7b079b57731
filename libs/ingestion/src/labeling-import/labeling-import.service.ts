import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { ExportCompletedV1 } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import { DEFAULT_SPLIT_RATIOS } from '../domain/build-spec';
import { JobService } from '../jobs/job.service';
import { DatasetRepository } from '../repositories/dataset.repository';
import type { DatasetEntity } from '../entities/dataset.entity';
import { objectKeyOf } from '@llmops/storage';

/** Namespace for dataset ids derived from labeling project ids (stable across redeliveries). */
const LABELING_DATASETS = '0b7f8f55-7a3e-4b44-9c1e-5f0c1a3f2b10';

/**
 * Queues a job that turns a labeling export into a version: of the dataset the labeled tasks came from
 * (with that version as parent), or of a `labeling-<project>` dataset created for the project.
 */
@Injectable()
export class LabelingImportService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly datasets: DatasetRepository,
    private readonly jobs: JobService,
  ) {}

  async queue(event: ExportCompletedV1): Promise<void> {
    const parent = event.sourceDatasetVersion;
    const datasetId = parent?.datasetId ?? (await this.projectDataset(event.projectId));
    await this.jobs.enqueue({
      datasetId,
      origin: { kind: 'labeling-export', projectId: event.projectId, exportId: event.exportId },
      input: { kind: 'labeling-export', key: objectKeyOf(event.file.uri), format: event.format },
      build: {
        recipe: null,
        splitRatios: { ...DEFAULT_SPLIT_RATIOS },
        read: { format: 'jsonl', textUnit: 'file' },
        parents: parent ? [parent] : [],
      },
    });
  }

  private async projectDataset(projectId: string): Promise<string> {
    const id = uuidv5(projectId, LABELING_DATASETS);
    await this.tx.run(async () => {
      if (await this.datasets.findById(id)) return;
      await this.datasets.insert({
        id,
        name: `labeling-${projectId.slice(0, 8)}-${projectId.slice(-4)}`,
        description: `Exports of labeling project ${projectId}`,
      } as DatasetEntity);
    });
    return id;
  }
}
