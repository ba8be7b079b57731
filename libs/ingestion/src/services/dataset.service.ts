import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type DatasetVersionCreatedV1 } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import type { CreateDatasetDto, DatasetView, RegisterDatasetVersion } from '../dtos/dataset.dto';
import type { DatasetEntity } from '../entities/dataset.entity';
import { DatasetRepository } from '../repositories/dataset.repository';

function toView(d: DatasetEntity): DatasetView {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    latestVersion: d.latestVersion,
    createdAt: d.createdAt.toISOString(),
  };
}

@Injectable()
export class DatasetService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly datasets: DatasetRepository,
    private readonly events: EventPublisher,
  ) {}

  async create(dto: CreateDatasetDto): Promise<DatasetView> {
    return this.tx.run(async () => {
      if (await this.datasets.findByName(dto.name)) {
        throw new AppError('DATASET_NAME_TAKEN', 409, `a dataset named ${dto.name} already exists`);
      }
      const id = uuidv7();
      await this.datasets.insert({ id, name: dto.name, description: dto.description } as DatasetEntity);
      return toView(await this.get(id));
    });
  }

  async get(id: string): Promise<DatasetEntity> {
    const dataset = await this.datasets.findById(id);
    if (!dataset) throw new AppError('DATASET_NOT_FOUND', 404, `no dataset ${id}`);
    return dataset;
  }

  async view(id: string): Promise<DatasetView> {
    return toView(await this.get(id));
  }

  /** Numbers the version, stores it and announces it — one transaction, so the event exists iff the version does. */
  async registerVersion(datasetId: string, dto: RegisterDatasetVersion): Promise<DatasetVersionCreatedV1> {
    return this.tx.run(async () => {
      const dataset = await this.datasets.findByIdForUpdate(datasetId);
      if (!dataset) throw new AppError('DATASET_NOT_FOUND', 404, `no dataset ${datasetId}`);
      const version = dataset.latestVersion + 1;
      const event: DatasetVersionCreatedV1 = {
        ...dto,
        datasetId,
        datasetName: dataset.name,
        versionId: uuidv7(),
        version,
        createdAt: new Date().toISOString(),
      };
      await this.datasets.insertVersion({
        id: event.versionId,
        datasetId,
        version,
        descriptor: event,
        createdAt: new Date(event.createdAt),
      });
      await this.datasets.setLatestVersion(datasetId, version);
      await this.events.publish(Topics.datasetVersionCreated, event, { key: datasetId });
      return event;
    });
  }

  async listVersions(datasetId: string): Promise<DatasetVersionCreatedV1[]> {
    await this.get(datasetId);
    const rows = await this.datasets.listVersions(datasetId);
    return rows.map((r) => r.descriptor as unknown as DatasetVersionCreatedV1);
  }
}
