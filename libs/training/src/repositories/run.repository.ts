import { Injectable } from '@nestjs/common';
import type { ErrorInfo, ModelArtifact, RunLineage } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { RunSpec } from '../domain/run-spec';
import type { RunStatus, RunTriggerInfo } from '../domain/run-status';

export interface RunRow {
  id: string;
  name: string | null;
  status: RunStatus;
  executor: RunSpec['executor']['kind'];
  priority: number;
  spec: RunSpec;
  lineage: RunLineage;
  trigger: RunTriggerInfo;
  attempt: number;
  callbackTokenHash: string | null;
  latestMetrics: Record<string, number>;
  progress: { step: number; totalSteps: number | null; epoch: number | null } | null;
  artifacts: ModelArtifact[];
  error: ErrorInfo | null;
  lastLogLines: string[];
  sweepId: string | null;
  trial: number | null;
  planId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  runningAt: Date | null;
  finishedAt: Date | null;
}

type Raw = Record<string, unknown>;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function toRow(r: Raw): RunRow {
  return {
    id: r['id'] as string,
    name: (r['name'] as string | null) ?? null,
    status: r['status'] as RunStatus,
    executor: r['executor'] as RunRow['executor'],
    priority: r['priority'] as number,
    spec: r['spec'] as RunSpec,
    lineage: r['lineage'] as RunLineage,
    trigger: r['trigger'] as RunTriggerInfo,
    attempt: r['attempt'] as number,
    callbackTokenHash: (r['callback_token_hash'] as string | null) ?? null,
    latestMetrics: r['latest_metrics'] as Record<string, number>,
    progress: (r['progress'] as RunRow['progress']) ?? null,
    artifacts: r['artifacts'] as ModelArtifact[],
    error: (r['error'] as ErrorInfo | null) ?? null,
    lastLogLines: r['last_log_lines'] as string[],
    sweepId: (r['sweep_id'] as string | null) ?? null,
    trial: (r['trial'] as number | null) ?? null,
    planId: (r['plan_id'] as string | null) ?? null,
    createdAt: new Date(r['created_at'] as string),
    startedAt: date(r['started_at']),
    runningAt: date(r['running_at']),
    finishedAt: date(r['finished_at']),
  };
}

const json = (v: unknown) => JSON.stringify(v);

/** Training runs: the queue, their state machine and what they produced. */
@Injectable()
export class RunRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    run: Pick<
      RunRow,
      | 'id'
      | 'name'
      | 'executor'
      | 'priority'
      | 'spec'
      | 'lineage'
      | 'trigger'
      | 'sweepId'
      | 'trial'
      | 'planId'
    >,
  ) {
    await this.tx.query(
      `INSERT INTO training.runs (id, name, status, executor, priority, spec, lineage, trigger, sweep_id, trial, plan_id)
       VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        run.id,
        run.name,
        run.executor,
        run.priority,
        json(run.spec),
        json(run.lineage),
        json(run.trigger),
        run.sweepId,
        run.trial,
        run.planId,
      ],
    );
  }

  async find(id: string, forUpdate = false): Promise<RunRow | null> {
    const rows = await this.tx.query<Raw[]>(
      `SELECT * FROM training.runs WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(filter: { status?: string; sweepId?: string; limit: number }): Promise<RunRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`status = $${String(params.push(filter.status))}`);
    if (filter.sweepId) where.push(`sweep_id = $${String(params.push(filter.sweepId))}`);
    params.push(filter.limit);
    const rows = await this.tx.query<Raw[]>(
      `SELECT * FROM training.runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC LIMIT $${String(params.length)}`,
      params,
    );
    return rows.map(toRow);
  }

  async countActive(executor: string): Promise<number> {
    const rows = await this.tx.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM training.runs WHERE executor = $1 AND status IN ('provisioning', 'running')`,
      [executor],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Takes the next queued run of an executor (priority, then age) and moves it to provisioning. */
  async claimNext(executor: string, callbackTokenHash: string): Promise<RunRow | null> {
    // Through a CTE: a bare UPDATE … RETURNING comes back from TypeORM as [rows, count].
    const rows = await this.tx.query<Raw[]>(
      `WITH claimed AS (
         UPDATE training.runs SET status = 'provisioning', attempt = attempt + 1, started_at = now(),
           running_at = NULL, callback_token_hash = $2, error = NULL
         WHERE id = (SELECT id FROM training.runs WHERE status = 'queued' AND executor = $1
                     ORDER BY priority DESC, created_at FOR UPDATE SKIP LOCKED LIMIT 1)
         RETURNING *)
       SELECT * FROM claimed`,
      [executor, callbackTokenHash],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async markRunning(id: string): Promise<void> {
    await this.tx.query(
      `UPDATE training.runs SET status = 'running', running_at = now() WHERE id = $1 AND status = 'provisioning'`,
      [id],
    );
  }

  async recordMetrics(
    id: string,
    attempt: number,
    step: number,
    values: Record<string, number>,
    progress: RunRow['progress'],
  ): Promise<void> {
    const entries = Object.entries(values).filter(([, v]) => Number.isFinite(v));
    if (entries.length > 0) {
      const params: unknown[] = [id, attempt, step];
      const tuples = entries.map(([name, value]) => {
        params.push(name, value);
        return `($1, $2, $3, $${String(params.length - 1)}, $${String(params.length)})`;
      });
      await this.tx.query(
        `INSERT INTO training.run_metrics (run_id, attempt, step, name, value) VALUES ${tuples.join(', ')}
         ON CONFLICT (run_id, attempt, step, name) DO UPDATE SET value = EXCLUDED.value`,
        params,
      );
    }
    await this.tx.query(
      `UPDATE training.runs SET latest_metrics = latest_metrics || $2::jsonb, progress = $3 WHERE id = $1`,
      [id, json(Object.fromEntries(entries)), json(progress)],
    );
  }

  async metrics(
    id: string,
    name?: string,
  ): Promise<{ attempt: number; step: number; name: string; value: number }[]> {
    return this.tx.query(
      `SELECT attempt, step, name, value FROM training.run_metrics WHERE run_id = $1 ${name ? 'AND name = $2' : ''}
       ORDER BY attempt, step, name`,
      name ? [id, name] : [id],
    );
  }

  async finish(
    id: string,
    status: 'succeeded' | 'failed' | 'cancelled',
    fields: {
      lineage?: RunLineage;
      artifacts: ModelArtifact[];
      error?: ErrorInfo | null;
      lastLogLines?: string[];
      metrics?: Record<string, number>;
    },
  ): Promise<void> {
    await this.tx.query(
      `UPDATE training.runs SET status = $2, finished_at = now(), artifacts = $3, error = $4,
         last_log_lines = $5, latest_metrics = latest_metrics || $6::jsonb, lineage = COALESCE($7, lineage)
       WHERE id = $1`,
      [
        id,
        status,
        json(fields.artifacts),
        fields.error ? json(fields.error) : null,
        json(fields.lastLogLines ?? []),
        json(fields.metrics ?? {}),
        fields.lineage ? json(fields.lineage) : null,
      ],
    );
  }

  async requeue(id: string): Promise<void> {
    await this.tx.query(
      `UPDATE training.runs SET status = 'queued', finished_at = NULL, callback_token_hash = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Runs that were provisioning or running: after a restart, each is reattached, re-queued or failed. */
  async listActive(): Promise<RunRow[]> {
    const rows = await this.tx.query<Raw[]>(
      `SELECT * FROM training.runs WHERE status IN ('provisioning', 'running') ORDER BY created_at`,
    );
    return rows.map(toRow);
  }
}
