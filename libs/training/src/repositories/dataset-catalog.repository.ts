import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';

export interface CatalogVersion {
  versionId: string;
  datasetId: string;
  datasetName: string;
  version: number;
  manifestUri: string;
  trainRecords: number;
  announcedAt: string;
}

export interface CatalogDataset {
  datasetId: string;
  datasetName: string;
  versionsReceived: number;
  latestVersion: number;
}

/** Training's copy of the dataset versions it may train on, fed by `dataset-version-created`. */
@Injectable()
export class DatasetCatalogRepository {
  constructor(private readonly tx: TransactionHost) {}

  async addVersion(v: CatalogVersion): Promise<void> {
    await this.tx.query(
      `INSERT INTO training.dataset_versions
        (version_id, dataset_id, dataset_name, version, manifest_uri, train_records, announced_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [v.versionId, v.datasetId, v.datasetName, v.version, v.manifestUri, v.trainRecords, v.announcedAt],
    );
    // Counting, not recomputing, on purpose: the counter is the effect that would show a duplicate delivery.
    await this.tx.query(
      `INSERT INTO training.datasets (dataset_id, dataset_name, versions_received, latest_version)
       VALUES ($1, $2, 1, $3)
       ON CONFLICT (dataset_id) DO UPDATE SET versions_received = training.datasets.versions_received + 1,
         latest_version = GREATEST(training.datasets.latest_version, EXCLUDED.latest_version), updated_at = now()`,
      [v.datasetId, v.datasetName, v.version],
    );
  }

  async listDatasets(): Promise<CatalogDataset[]> {
    const rows = await this.tx.query<
      { dataset_id: string; dataset_name: string; versions_received: number; latest_version: number }[]
    >(
      'SELECT dataset_id, dataset_name, versions_received, latest_version FROM training.datasets ORDER BY dataset_name',
    );
    return rows.map((r) => ({
      datasetId: r.dataset_id,
      datasetName: r.dataset_name,
      versionsReceived: r.versions_received,
      latestVersion: r.latest_version,
    }));
  }

  async listVersions(datasetId: string): Promise<CatalogVersion[]> {
    const rows = await this.tx.query<
      {
        version_id: string;
        dataset_id: string;
        dataset_name: string;
        version: number;
        manifest_uri: string;
        train_records: number;
        announced_at: Date;
      }[]
    >(
      `SELECT version_id, dataset_id, dataset_name, version, manifest_uri, train_records, announced_at
       FROM training.dataset_versions WHERE dataset_id = $1 ORDER BY received_at, version`,
      [datasetId],
    );
    return rows.map((r) => ({
      versionId: r.version_id,
      datasetId: r.dataset_id,
      datasetName: r.dataset_name,
      version: r.version,
      manifestUri: r.manifest_uri,
      trainRecords: r.train_records,
      announcedAt: new Date(r.announced_at).toISOString(),
    }));
  }

  async findVersion(versionId: string): Promise<CatalogVersion | null> {
    const rows = await this.tx.query<
      {
        version_id: string;
        dataset_id: string;
        dataset_name: string;
        version: number;
        manifest_uri: string;
        train_records: number;
        announced_at: Date;
      }[]
    >(
      `SELECT version_id, dataset_id, dataset_name, version, manifest_uri, train_records, announced_at
       FROM training.dataset_versions WHERE version_id = $1`,
      [versionId],
    );
    const r = rows[0];
    return r
      ? {
          versionId: r.version_id,
          datasetId: r.dataset_id,
          datasetName: r.dataset_name,
          version: r.version,
          manifestUri: r.manifest_uri,
          trainRecords: r.train_records,
          announcedAt: new Date(r.announced_at).toISOString(),
        }
      : null;
  }

  /** The newest version of a dataset by id or name, for plan templates that follow `latest`. */
  async latestVersion(
    datasetId: string | null,
    datasetName: string | null,
  ): Promise<{ datasetId: string; datasetName: string; versionId: string; version: number } | null> {
    const rows = await this.tx.query<
      { dataset_id: string; dataset_name: string; version_id: string; version: number }[]
    >(
      `SELECT dataset_id, dataset_name, version_id, version FROM training.dataset_versions
       WHERE ($1::uuid IS NULL OR dataset_id = $1::uuid) AND ($2::text IS NULL OR dataset_name = $2)
       ORDER BY version DESC LIMIT 1`,
      [datasetId, datasetName],
    );
    const r = rows[0];
    return r
      ? { datasetId: r.dataset_id, datasetName: r.dataset_name, versionId: r.version_id, version: r.version }
      : null;
  }
}
