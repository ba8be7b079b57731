import { Injectable } from '@nestjs/common';
import type { EvaluationCompletedV1, ModelVersionRef } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';

/** What automatic staging did with an evaluation, kept beside it so the evidence endpoint can show it. */
export interface AutoStagingOutcome {
  outcome: 'promoted' | 'skipped' | 'refused';
  detail: string;
  /** The refusal's problem code, when refused. */
  code?: string;
}

/** One stored evaluation of a model version, as the evidence endpoint shows it. */
export interface StoredEvaluation {
  evaluationId: string;
  suite: EvaluationCompletedV1['suite'];
  gate: EvaluationCompletedV1['gate'];
  metrics: EvaluationCompletedV1['metrics'];
  probes: EvaluationCompletedV1['probes'];
  warnings: EvaluationCompletedV1['warnings'];
  report: EvaluationCompletedV1['report'];
  completedAt: string;
  receivedAt: string;
  autoStaging: AutoStagingOutcome | null;
}

interface EvaluationRow {
  evaluation_id: string;
  suite_id: string;
  suite_name: string;
  suite_version: number;
  gate: EvaluationCompletedV1['gate'];
  metrics: EvaluationCompletedV1['metrics'];
  probes: EvaluationCompletedV1['probes'];
  warnings: EvaluationCompletedV1['warnings'];
  report: EvaluationCompletedV1['report'];
  completed_at: Date;
  received_at: Date;
  auto_staging: AutoStagingOutcome | null;
}

/** Evaluation results per model version, fed by `evaluation-completed`. */
@Injectable()
export class EvaluationEvidenceRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Stores the evaluation once; false when this evaluation id was stored before (a re-publication). */
  async insert(event: EvaluationCompletedV1, version: ModelVersionRef): Promise<boolean> {
    const rows = await this.tx.query<{ evaluation_id: string }[]>(
      `INSERT INTO registry.approval_evaluations (evaluation_id, model_id, model_name, version_id, version,
         suite_id, suite_name, suite_version, gate_verdict, gate, metrics, probes, warnings, report, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (evaluation_id) DO NOTHING RETURNING evaluation_id`,
      [
        event.evaluationId,
        version.modelId,
        version.modelName,
        version.versionId,
        version.version,
        event.suite.suiteId,
        event.suite.name,
        event.suite.version,
        event.gate?.verdict ?? null,
        event.gate === null ? null : JSON.stringify(event.gate),
        JSON.stringify(event.metrics),
        JSON.stringify(event.probes),
        JSON.stringify(event.warnings),
        JSON.stringify(event.report),
        event.completedAt,
      ],
    );
    return rows.length > 0;
  }

  async setAutoStaging(evaluationId: string, outcome: AutoStagingOutcome): Promise<void> {
    await this.tx.query(
      'UPDATE registry.approval_evaluations SET auto_staging = $2 WHERE evaluation_id = $1',
      [evaluationId, JSON.stringify(outcome)],
    );
  }

  /** Newest first. */
  async listForVersion(modelName: string, version: number): Promise<StoredEvaluation[]> {
    const rows = await this.tx.query<EvaluationRow[]>(
      `SELECT evaluation_id, suite_id, suite_name, suite_version, gate, metrics, probes, warnings, report,
         completed_at, received_at, auto_staging
       FROM registry.approval_evaluations WHERE model_name = $1 AND version = $2
       ORDER BY completed_at DESC, received_at DESC`,
      [modelName, version],
    );
    return rows.map((r) => ({
      evaluationId: r.evaluation_id,
      suite: { suiteId: r.suite_id, name: r.suite_name, version: r.suite_version },
      gate: r.gate,
      metrics: r.metrics,
      probes: r.probes,
      warnings: r.warnings,
      report: r.report,
      completedAt: new Date(r.completed_at).toISOString(),
      receivedAt: new Date(r.received_at).toISOString(),
      autoStaging: r.auto_staging,
    }));
  }
}
