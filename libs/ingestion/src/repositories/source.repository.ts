import { Injectable } from '@nestjs/common';
import type { SourceKind } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { BuildOptions } from '../dtos/build-options.dto';

/** Kafka sources turn buffered records into a version when either bound is reached. */
export interface BatchPolicy {
  maxRecords: number;
  maxWaitSeconds: number;
}

export interface SourceRow {
  id: string;
  name: string;
  kind: SourceKind;
  config: Record<string, unknown>;
  datasetId: string;
  build: BuildOptions;
  batchPolicy: BatchPolicy | null;
  createdAt: Date;
}

interface RawSource {
  id: string;
  name: string;
  kind: SourceKind;
  config: Record<string, unknown>;
  dataset_id: string;
  build: BuildOptions;
  batch_policy: BatchPolicy | null;
  created_at: Date;
}

const toRow = (r: RawSource): SourceRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  config: r.config,
  datasetId: r.dataset_id,
  build: r.build,
  batchPolicy: r.batch_policy,
  createdAt: new Date(r.created_at),
});

/** Registered sources (where data comes from and how a run builds a version). */
@Injectable()
export class SourceRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(source: Omit<SourceRow, 'createdAt'>): Promise<void> {
    await this.tx.query(
      `INSERT INTO ingestion.sources (id, name, kind, config, dataset_id, build, batch_policy)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        source.id,
        source.name,
        source.kind,
        JSON.stringify(source.config),
        source.datasetId,
        JSON.stringify(source.build),
        source.batchPolicy ? JSON.stringify(source.batchPolicy) : null,
      ],
    );
  }

  async find(idOrName: string): Promise<SourceRow | null> {
    const byId = /^[0-9a-f-]{36}$/i.test(idOrName);
    const rows = await this.tx.query<RawSource[]>(
      `SELECT * FROM ingestion.sources WHERE ${byId ? 'id = $1::uuid' : 'name = $1'}`,
      [idOrName],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(): Promise<SourceRow[]> {
    const rows = await this.tx.query<RawSource[]>('SELECT * FROM ingestion.sources ORDER BY name');
    return rows.map(toRow);
  }

  async listKafka(): Promise<SourceRow[]> {
    const rows = await this.tx.query<RawSource[]>(`SELECT * FROM ingestion.sources WHERE kind = 'kafka'`);
    return rows.map(toRow);
  }
}
