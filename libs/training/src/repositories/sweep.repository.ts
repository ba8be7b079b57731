import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import type { RunSpec } from '../domain/run-spec';
import type { SweepSpec } from '../sweeps/domain/sweep-spec';

export interface SweepRow {
  id: string;
  name: string;
  spec: SweepSpec;
  runTemplate: RunSpec;
  status: 'running' | 'finished';
  bestRunId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

type Raw = Record<string, unknown>;
const toRow = (r: Raw): SweepRow => ({
  id: r['id'] as string,
  name: r['name'] as string,
  spec: r['spec'] as SweepSpec,
  runTemplate: r['run_template'] as RunSpec,
  status: r['status'] as SweepRow['status'],
  bestRunId: (r['best_run_id'] as string | null) ?? null,
  createdAt: new Date(r['created_at'] as string),
  finishedAt: r['finished_at'] ? new Date(r['finished_at'] as string) : null,
});

/** Hyperparameter sweeps; their trials are runs with `sweep_id` set. */
@Injectable()
export class SweepRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(sweep: Pick<SweepRow, 'id' | 'name' | 'spec' | 'runTemplate'>): Promise<void> {
    await this.tx.query(
      `INSERT INTO training.sweeps (id, name, spec, run_template, status) VALUES ($1, $2, $3, $4, 'running')`,
      [sweep.id, sweep.name, JSON.stringify(sweep.spec), JSON.stringify(sweep.runTemplate)],
    );
  }

  async find(id: string, forUpdate = false): Promise<SweepRow | null> {
    const rows = await this.tx.query<Raw[]>(
      `SELECT * FROM training.sweeps WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(): Promise<SweepRow[]> {
    return (
      await this.tx.query<Raw[]>('SELECT * FROM training.sweeps ORDER BY created_at DESC LIMIT 200')
    ).map(toRow);
  }

  async runningIds(): Promise<string[]> {
    const rows = await this.tx.query<{ id: string }[]>(
      `SELECT id FROM training.sweeps WHERE status = 'running'`,
    );
    return rows.map((r) => r.id);
  }

  async setBest(id: string, bestRunId: string | null, finished: boolean): Promise<void> {
    await this.tx.query(
      `UPDATE training.sweeps SET best_run_id = $2, status = $3, finished_at = CASE WHEN $3 = 'finished' THEN now() ELSE NULL END
       WHERE id = $1`,
      [id, bestRunId, finished ? 'finished' : 'running'],
    );
  }
}
