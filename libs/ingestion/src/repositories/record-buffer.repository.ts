import { Injectable } from '@nestjs/common';
import type { RecordsV1 } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';

/** Records from the Kafka input topic, held until their source's batch policy cuts a version. */
@Injectable()
export class RecordBufferRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Stores records; a producer's redelivered record id is ignored. Returns how many were new. */
  async add(records: readonly RecordsV1[]): Promise<number> {
    if (records.length === 0) return 0;
    const values: unknown[] = [];
    const tuples = records.map((r, i) => {
      values.push(r.sourceId, r.recordId, JSON.stringify(r));
      return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
    });
    const rows = await this.tx.query<unknown[]>(
      `INSERT INTO ingestion.buffered_records (source_id, record_id, payload) VALUES ${tuples.join(', ')}
       ON CONFLICT DO NOTHING RETURNING record_id`,
      values,
    );
    return rows.length;
  }

  /** Pending count and age of the oldest pending record of a source. */
  async pending(sourceId: string): Promise<{ count: number; oldestAgeMs: number }> {
    const rows = await this.tx.query<{ count: string; age_ms: number | null }[]>(
      `SELECT count(*) AS count, extract(epoch FROM now() - min(received_at)) * 1000 AS age_ms
       FROM ingestion.buffered_records WHERE source_id = $1 AND job_id IS NULL`,
      [sourceId],
    );
    return { count: Number(rows[0]?.count ?? 0), oldestAgeMs: rows[0]?.age_ms ?? 0 };
  }

  /** Hands every pending record of the source to a job (same transaction as the job's creation). */
  async claim(sourceId: string, jobId: string): Promise<number> {
    // Through a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const rows = await this.tx.query<unknown[]>(
      `WITH claimed AS (
         UPDATE ingestion.buffered_records SET job_id = $2 WHERE source_id = $1 AND job_id IS NULL
         RETURNING record_id)
       SELECT record_id FROM claimed`,
      [sourceId, jobId],
    );
    return rows.length;
  }

  /** The job's records in arrival order, in pages, so a large batch never sits in memory whole. */
  async *read(jobId: string, pageSize = 1000): AsyncIterable<RecordsV1> {
    let after = '0';
    for (;;) {
      const rows = await this.tx.query<{ payload: RecordsV1; seq: string }[]>(
        `SELECT payload, seq FROM ingestion.buffered_records
         WHERE job_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3`,
        [jobId, after, pageSize],
      );
      for (const row of rows) yield row.payload;
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = last.seq;
    }
  }
}
