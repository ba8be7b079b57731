import { Injectable } from '@nestjs/common';
import type { ErrorInfo } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type {
  EvaluationCandidate,
  EvaluationResult,
  EvaluationRow,
  EvaluationStatus,
  EvaluationSuiteRef,
  EvaluationTrigger,
  FrozenGatePolicy,
  ResolvedDataset,
} from './evaluation-row';
import type { SuiteSpec } from '../suites/suite.dto';

interface Row {
  id: string;
  status: EvaluationStatus;
  trigger: EvaluationTrigger;
  candidate: EvaluationCandidate;
  suite: EvaluationSuiteRef;
  suite_spec: SuiteSpec;
  datasets: ResolvedDataset[];
  gate_policy: FrozenGatePolicy | null;
  attempt: number;
  result: EvaluationResult | null;
  error: ErrorInfo | null;
  progress: EvaluationRow['progress'];
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS =
  'id, status, trigger, candidate, suite, suite_spec, datasets, gate_policy, attempt, result, error, progress, created_at, started_at, finished_at';

const toRow = (r: Row): EvaluationRow => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  candidate: r.candidate,
  suite: r.suite,
  suiteSpec: r.suite_spec,
  datasets: r.datasets,
  gatePolicy: r.gate_policy,
  attempt: r.attempt,
  result: r.result,
  error: r.error,
  progress: r.progress,
  createdAt: new Date(r.created_at),
  startedAt: r.started_at ? new Date(r.started_at) : null,
  finishedAt: r.finished_at ? new Date(r.finished_at) : null,
});

export interface NewEvaluation {
  id: string;
  trigger: EvaluationTrigger;
  candidate: EvaluationCandidate;
  suite: EvaluationSuiteRef;
  suiteSpec: SuiteSpec;
  datasets: ResolvedDataset[];
  gatePolicy: FrozenGatePolicy | null;
  /** Set for automatic evaluations: a second trigger for the same suite and version is ignored. */
  dedupKey: string | null;
}

/** Evaluations and their queue: claims with `SKIP LOCKED`, heartbeats, take-over of stale ones. */
@Injectable()
export class EvaluationRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Inserts a queued evaluation; false when its dedup key was already used. */
  async insert(e: NewEvaluation): Promise<boolean> {
    const rows = await this.tx.query<{ id: string }[]>(
      `INSERT INTO evaluation.evaluations
         (id, status, trigger, candidate, suite, suite_spec, datasets, gate_policy, dedup_key)
       VALUES ($1, 'queued', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
      [
        e.id,
        e.trigger,
        JSON.stringify(e.candidate),
        JSON.stringify(e.suite),
        JSON.stringify(e.suiteSpec),
        JSON.stringify(e.datasets),
        e.gatePolicy === null ? null : JSON.stringify(e.gatePolicy),
        e.dedupKey,
      ],
    );
    return rows.length === 1;
  }

  async get(id: string): Promise<EvaluationRow | null> {
    const rows = await this.tx.query<Row[]>(`SELECT ${COLUMNS} FROM evaluation.evaluations WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(filter: {
    status?: EvaluationStatus | undefined;
    modelName?: string | undefined;
    suite?: string | undefined;
    limit: number;
  }): Promise<EvaluationRow[]> {
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.evaluations
       WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR candidate->>'modelName' = $2)
         AND ($3::text IS NULL OR suite->>'name' = $3)
       ORDER BY created_at DESC LIMIT $4`,
      [filter.status ?? null, filter.modelName ?? null, filter.suite ?? null, filter.limit],
    );
    return rows.map(toRow);
  }

  /** Takes the oldest queued evaluation, if any, and marks it running as a new attempt. */
  async claimNext(): Promise<EvaluationRow | null> {
    const rows = await this.tx.query<Row[]>(
      `WITH next AS (
         SELECT id FROM evaluation.evaluations WHERE status = 'queued'
         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE evaluation.evaluations e SET status = 'running', attempt = e.attempt + 1,
           started_at = now(), heartbeat_at = now(), progress = NULL
         FROM next WHERE e.id = next.id RETURNING e.*
       ) SELECT ${COLUMNS} FROM claimed`,
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async heartbeat(id: string, progress: EvaluationRow['progress']): Promise<void> {
    await this.tx.query(
      `UPDATE evaluation.evaluations SET heartbeat_at = now(), progress = $2 WHERE id = $1 AND status = 'running'`,
      [id, progress === null ? null : JSON.stringify(progress)],
    );
  }

  /**
   * Running evaluations whose process stopped sending heartbeats: back to the queue while attempts remain,
   * else returned for failing (the caller publishes their `evaluation-failed`).
   */
  async recoverStale(staleAfterMs: number, maxAttempts: number): Promise<EvaluationRow[]> {
    await this.tx.query(
      `WITH stale AS (
         SELECT id FROM evaluation.evaluations WHERE status = 'running' AND attempt < $2
           AND heartbeat_at < now() - make_interval(secs => $1::float8 / 1000) FOR UPDATE SKIP LOCKED
       ), requeued AS (
         UPDATE evaluation.evaluations e SET status = 'queued' FROM stale WHERE e.id = stale.id RETURNING e.id
       ) SELECT id FROM requeued`,
      [staleAfterMs, maxAttempts],
    );
    const rows = await this.tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM evaluation.evaluations WHERE status = 'running' AND attempt >= $2
         AND heartbeat_at < now() - make_interval(secs => $1::float8 / 1000) FOR UPDATE SKIP LOCKED`,
      [staleAfterMs, maxAttempts],
    );
    return rows.map(toRow);
  }

  async succeed(id: string, result: EvaluationResult): Promise<void> {
    await this.tx.query(
      `UPDATE evaluation.evaluations SET status = 'succeeded', result = $2, finished_at = now(), progress = NULL
       WHERE id = $1`,
      [id, JSON.stringify(result)],
    );
  }

  async fail(id: string, error: ErrorInfo): Promise<void> {
    await this.tx.query(
      `UPDATE evaluation.evaluations SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [id, JSON.stringify(error)],
    );
  }
}
