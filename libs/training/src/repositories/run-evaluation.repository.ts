import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';

export interface RunEvaluation {
  evaluationId: string;
  runId: string;
  suiteName: string;
  status: 'succeeded' | 'failed';
  metrics: Record<string, number>;
  finishedAt: string;
}

/** What evaluation said about training runs, kept for sweeps whose objective comes from evaluation. */
@Injectable()
export class RunEvaluationRepository {
  constructor(private readonly tx: TransactionHost) {}

  async record(e: RunEvaluation): Promise<void> {
    await this.tx.query(
      `INSERT INTO training.run_evaluations (evaluation_id, run_id, suite_name, status, metrics, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (evaluation_id) DO NOTHING`,
      [e.evaluationId, e.runId, e.suiteName, e.status, JSON.stringify(e.metrics), e.finishedAt],
    );
  }

  /** The latest evaluation by `suiteName` of each of the runs that has one. */
  async latestFor(runIds: readonly string[], suiteName: string): Promise<Map<string, RunEvaluation>> {
    if (runIds.length === 0) return new Map();
    const rows = await this.tx.query<
      {
        evaluation_id: string;
        run_id: string;
        suite_name: string;
        status: 'succeeded' | 'failed';
        metrics: Record<string, number>;
        finished_at: Date;
      }[]
    >(
      `SELECT DISTINCT ON (run_id) evaluation_id, run_id, suite_name, status, metrics, finished_at
       FROM training.run_evaluations WHERE run_id = ANY($1::uuid[]) AND suite_name = $2
       ORDER BY run_id, finished_at DESC`,
      [runIds, suiteName],
    );
    return new Map(
      rows.map((r) => [
        r.run_id,
        {
          evaluationId: r.evaluation_id,
          runId: r.run_id,
          suiteName: r.suite_name,
          status: r.status,
          metrics: r.metrics,
          finishedAt: new Date(r.finished_at).toISOString(),
        },
      ]),
    );
  }
}
