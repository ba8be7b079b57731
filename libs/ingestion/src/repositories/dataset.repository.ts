import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import { DatasetEntity } from '../entities/dataset.entity';
import { DatasetVersionEntity } from '../entities/dataset-version.entity';

/** All dataset I/O; joins the surrounding transaction. */
@Injectable()
export class DatasetRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get datasets() {
    return this.tx.manager.getRepository(DatasetEntity);
  }

  private get versions() {
    return this.tx.manager.getRepository(DatasetVersionEntity);
  }

  findById(id: string): Promise<DatasetEntity | null> {
    return this.datasets.findOneBy({ id });
  }

  findByName(name: string): Promise<DatasetEntity | null> {
    return this.datasets.findOneBy({ name });
  }

  /** Locks the dataset row so concurrent version registrations number versions one after another. */
  findByIdForUpdate(id: string): Promise<DatasetEntity | null> {
    return this.datasets
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
  }

  async insert(dataset: DatasetEntity): Promise<void> {
    await this.datasets.insert(dataset);
  }

  async setLatestVersion(id: string, version: number): Promise<void> {
    await this.datasets.update({ id }, { latestVersion: version });
  }

  async insertVersion(version: DatasetVersionEntity): Promise<void> {
    await this.versions.insert(version);
  }

  listVersions(datasetId: string): Promise<DatasetVersionEntity[]> {
    return this.versions.find({ where: { datasetId }, order: { version: 'ASC' } });
  }

  findVersionById(id: string): Promise<DatasetVersionEntity | null> {
    return this.versions.findOneBy({ id });
  }

  findVersion(datasetId: string, version: number): Promise<DatasetVersionEntity | null> {
    return this.versions.findOneBy({ datasetId, version });
  }
}
