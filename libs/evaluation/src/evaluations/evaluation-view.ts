import type { EvaluationRow } from './evaluation-row';

/** An evaluation as the REST API shows it. */
export function toEvaluationView(row: EvaluationRow) {
  return {
    id: row.id,
    status: row.status,
    trigger: row.trigger,
    candidate: row.candidate,
    suite: row.suite,
    datasets: row.datasets.map(({ manifestUri: _uri, ...ref }) => ref),
    gatePolicy: row.gatePolicy && {
      id: row.gatePolicy.id,
      name: row.gatePolicy.name,
      version: row.gatePolicy.version,
    },
    attempt: row.attempt,
    progress: row.progress,
    result: row.result,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export type EvaluationView = ReturnType<typeof toEvaluationView>;
