import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { S3ObjectRef } from '@llmops/contracts';
import { buildReport, predictionsJsonl, type EvaluationPlan, type SuiteOutcome } from '@llmops/eval-suite';
import { AppError } from '@llmops/http';
import { objectKeyOf, ObjectStore } from '@llmops/storage';
import { EvaluationRepository } from './evaluation.repository';

/** Writes `report.json` and `predictions.jsonl` under `evaluations/<id>/attempt-<n>/`, and reads reports back. */
@Injectable()
export class EvaluationReports {
  constructor(
    private readonly store: ObjectStore,
    private readonly evaluations: EvaluationRepository,
  ) {}

  async write(
    id: string,
    attempt: number,
    outcome: SuiteOutcome,
    plan: EvaluationPlan,
    context: Record<string, unknown>,
  ): Promise<{ report: S3ObjectRef; predictions: S3ObjectRef }> {
    const prefix = `evaluations/${id}/attempt-${String(attempt)}`;
    const predictions = await this.store.put(
      `${prefix}/predictions.jsonl`,
      Buffer.from(predictionsJsonl(outcome)),
      {
        contentType: 'application/x-ndjson',
      },
    );
    const report = await this.store.put(
      `${prefix}/report.json`,
      Buffer.from(JSON.stringify(buildReport(outcome, plan, context), null, 2)),
      { contentType: 'application/json' },
    );
    const ref = (o: { uri: string; sha256: string; size: number }): S3ObjectRef => ({
      uri: o.uri,
      sha256: o.sha256,
      size: o.size,
    });
    return { report: ref(report), predictions: ref(predictions) };
  }

  async read(id: string): Promise<unknown> {
    const row = await this.evaluations.get(id);
    if (!row) throw new AppError('EVALUATION_NOT_FOUND', 404, `no evaluation ${id}`);
    if (!row.result) throw new AppError('REPORT_NOT_READY', 409, `evaluation ${id} is ${row.status}`);
    const bytes = await this.store.getBuffer(objectKeyOf(row.result.report.uri));
    if (createHash('sha256').update(bytes).digest('hex') !== row.result.report.sha256) {
      throw new AppError(
        'REPORT_CHECKSUM_MISMATCH',
        500,
        `report.json of ${id} does not match its recorded sha256`,
      );
    }
    return JSON.parse(bytes.toString('utf8')) as unknown;
  }
}
