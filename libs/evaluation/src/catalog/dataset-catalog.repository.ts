import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';

export interface CatalogDatasetVersion {
  versionId: string;
  datasetId: string;
  datasetName: string;
  version: number;
  manifestUri: string;
}

interface Row {
  version_id: string;
  dataset_id: string;
  dataset_name: string;
  version: number;
  manifest_uri: string;
}

const COLUMNS = 'version_id, dataset_id, dataset_name, version, manifest_uri';

const toVersion = (r: Row): CatalogDatasetVersion => ({
  versionId: r.version_id,
  datasetId: r.dataset_id,
  datasetName: r.dataset_name,
  version: r.version,
  manifestUri: r.manifest_uri,
});

/** Evaluation's copy of the dataset versions it may evaluate on, fed by `dataset-version-created`. */
@Injectable()
export class DatasetCatalogRepository {
  constructor(private readonly tx: TransactionHost) {}

  async add(v: CatalogDatasetVersion): Promise<void> {
    await this.tx.query(
      `INSERT INTO evaluation.dataset_versions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (version_id) DO NOTHING`,
      [v.versionId, v.datasetId, v.datasetName, v.version, v.manifestUri],
    );
  }

  async byId(versionId: string): Promise<CatalogDatasetVersion | null> {
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.dataset_versions WHERE version_id = $1`,
      [versionId],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  /** A version of a dataset named by id or name: a given number, or the newest. */
  async find(dataset: string, version: number | 'latest'): Promise<CatalogDatasetVersion | null> {
    const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(dataset);
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.dataset_versions
       WHERE ${byId ? 'dataset_id = $1::uuid' : 'dataset_name = $1'} AND ($2::int IS NULL OR version = $2::int)
       ORDER BY version DESC LIMIT 1`,
      [dataset, version === 'latest' ? null : version],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }
}
