import type { ErrorInfo, ModelVersionRef, S3ObjectRef } from '@llmops/contracts';
import { EvaluationError, probeVerdicts, type SuiteOutcome } from '@llmops/eval-suite';
import type { EvaluationResult, EvaluationRow } from './evaluation-row';

/** Failures worth another attempt of the same evaluation (the endpoint may come back). */
const RETRYABLE = new Set(['EVAL_ENDPOINT_UNREACHABLE', 'EVAL_INTERNAL']);

export const versionRef = (v: ModelVersionRef): ModelVersionRef => ({
  modelId: v.modelId,
  modelName: v.modelName,
  versionId: v.versionId,
  version: v.version,
});

/** The dataset splits an evaluation ran on, as the contract names them. */
export const evaluatedDatasets = (row: EvaluationRow) =>
  row.datasets.map(({ datasetId, versionId, version, split }) => ({ datasetId, versionId, version, split }));

/**
 * What a finished evaluation records and announces: the harness's outcome in the contract's shape, with
 * the frozen bootstrap settings and gate policy, and the stored report and predictions.
 */
export function toEvaluationResult(
  row: EvaluationRow,
  outcome: SuiteOutcome,
  champion: ModelVersionRef | null,
  stored: { report: S3ObjectRef; predictions: S3ObjectRef },
  startedAt: Date,
): EvaluationResult {
  const { bootstrap } = row.suiteSpec;
  const verdicts = probeVerdicts(row.gatePolicy?.rules ?? null, outcome.probes);
  return {
    itemCount: outcome.itemCount,
    metrics: finite(outcome.metrics),
    probes: outcome.probes.map((p, i) => ({ probe: p.probe, score: p.score, passed: verdicts[i] ?? null })),
    championComparison:
      champion && outcome.comparisons
        ? {
            champion: versionRef(champion),
            confidenceLevel: bootstrap.confidenceLevel,
            resamples: bootstrap.resamples,
            seed: bootstrap.seed,
            comparisons: outcome.comparisons
              .filter((c) => [c.candidate, c.champion, c.ciLow, c.ciHigh].every(Number.isFinite))
              .map(({ metric, candidate, champion: theirs, difference, ciLow, ciHigh, verdict }) => ({
                metric,
                candidate,
                champion: theirs,
                difference,
                ciLow,
                ciHigh,
                verdict,
              })),
          }
        : null,
    gate:
      row.gatePolicy && outcome.gate
        ? {
            policyId: row.gatePolicy.id,
            policyVersion: row.gatePolicy.version,
            verdict: outcome.gate.verdict,
            reasons: outcome.gate.reasons,
          }
        : null,
    warnings: outcome.warnings,
    report: stored.report,
    predictions: stored.predictions,
    startedAt: startedAt.toISOString(),
    completedAt: new Date().toISOString(),
  };
}

/** A failure as `evaluation-failed` carries it: the harness's stable code, else EVAL_INTERNAL. */
export function errorInfo(error: unknown): ErrorInfo {
  const code = error instanceof EvaluationError ? error.code : 'EVAL_INTERNAL';
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000) || code;
  return { code, message, retryable: RETRYABLE.has(code) };
}

/** Metrics as the contract wants them: finite numbers only (a perplexity over no tokens is NaN). */
function finite(metrics: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => Number.isFinite(v)));
}
