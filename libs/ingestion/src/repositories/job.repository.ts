import { Injectable } from '@nestjs/common';
import type { DatasetOrigin } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { BuildSpec } from '../domain/build-spec';
import type { JobInput, JobStatus } from '../domain/job-input';

export interface JobRow {
  id: string;
  datasetId: string;
  versionId: string;
  status: JobStatus;
  origin: DatasetOrigin;
  input: JobInput;
  build: BuildSpec;
  attempts: number;
  report: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface RawJob {
  id: string;
  dataset_id: string;
  version_id: string;
  status: JobStatus;
  origin: DatasetOrigin;
  input: JobInput;
  build: BuildSpec;
  attempts: number;
  report: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const toRow = (r: RawJob): JobRow => ({
  id: r.id,
  datasetId: r.dataset_id,
  versionId: r.version_id,
  status: r.status,
  origin: r.origin,
  input: r.input,
  build: r.build,
  attempts: r.attempts,
  report: r.report,
  error: r.error,
  createdAt: new Date(r.created_at),
  startedAt: r.started_at ? new Date(r.started_at) : null,
  finishedAt: r.finished_at ? new Date(r.finished_at) : null,
});

/** Ingestion jobs: queued by the API and consumers, claimed by workers with `SKIP LOCKED`. */
@Injectable()
export class JobRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(job: Pick<JobRow, 'id' | 'datasetId' | 'versionId' | 'origin' | 'input' | 'build'>) {
    await this.tx.query(
      `INSERT INTO ingestion.jobs (id, dataset_id, version_id, status, origin, input, build)
       VALUES ($1, $2, $3, 'queued', $4, $5, $6)`,
      [
        job.id,
        job.datasetId,
        job.versionId,
        JSON.stringify(job.origin),
        JSON.stringify(job.input),
        JSON.stringify(job.build),
      ],
    );
  }

  async find(id: string): Promise<JobRow | null> {
    const rows = await this.tx.query<RawJob[]>('SELECT * FROM ingestion.jobs WHERE id = $1', [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async listForDataset(datasetId: string, limit: number): Promise<JobRow[]> {
    const rows = await this.tx.query<RawJob[]>(
      'SELECT * FROM ingestion.jobs WHERE dataset_id = $1 ORDER BY created_at DESC LIMIT $2',
      [datasetId, limit],
    );
    return rows.map(toRow);
  }

  /** Takes the oldest queued job, or null; concurrent workers never take the same one. */
  async claimNext(): Promise<JobRow | null> {
    // Through a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const rows = await this.tx.query<RawJob[]>(
      `WITH claimed AS (
         UPDATE ingestion.jobs SET status = 'running', attempts = attempts + 1,
           started_at = now(), heartbeat_at = now()
         WHERE id = (SELECT id FROM ingestion.jobs WHERE status = 'queued'
                     ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
         RETURNING *)
       SELECT * FROM claimed`,
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async heartbeat(id: string): Promise<void> {
    await this.tx.query(
      `UPDATE ingestion.jobs SET heartbeat_at = now() WHERE id = $1 AND status = 'running'`,
      [id],
    );
  }

  async succeed(id: string, report: Record<string, unknown>): Promise<void> {
    await this.tx.query(
      `UPDATE ingestion.jobs SET status = 'succeeded', report = $2, finished_at = now() WHERE id = $1`,
      [id, JSON.stringify(report)],
    );
  }

  async fail(id: string, error: { code: string; message: string }, report: Record<string, unknown> | null) {
    await this.tx.query(
      `UPDATE ingestion.jobs SET status = 'failed', error = $2, report = $3, finished_at = now() WHERE id = $1`,
      [id, JSON.stringify(error), report ? JSON.stringify(report) : null],
    );
  }

  /** Running jobs whose worker stopped sending heartbeats (its process died or hangs). */
  async findStale(staleMs: number): Promise<JobRow[]> {
    const rows = await this.tx.query<RawJob[]>(
      `SELECT * FROM ingestion.jobs WHERE status = 'running'
         AND heartbeat_at < now() - ($1::int * interval '1 millisecond') FOR UPDATE SKIP LOCKED`,
      [staleMs],
    );
    return rows.map(toRow);
  }

  async requeue(id: string): Promise<void> {
    await this.tx.query(`UPDATE ingestion.jobs SET status = 'queued' WHERE id = $1`, [id]);
  }
}
