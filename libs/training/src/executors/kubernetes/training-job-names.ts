import { createHash } from 'node:crypto';

/** Label every training Job (and its pods) carries: the run it belongs to (see `runIdLabelValue`). */
export const RUN_ID_LABEL = 'llmops.io/run-id';
/** Label with the attempt number, so a retried run never adopts its previous attempt's Job. */
export const ATTEMPT_LABEL = 'llmops.io/attempt';
/** Annotation with the exact run id (labels cannot hold every id). */
export const RUN_ID_ANNOTATION = 'llmops.io/run-id';
/** The trainer's container name (logs are read from it). */
export const TRAINER_CONTAINER = 'trainer';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function digest(value: string, length: number): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/**
 * The Job of attempt `attempt` of run `runId`: `llmops-<id slug>-<hash>-<attempt>`, a DNS-1123 label of
 * at most 63 characters (the `job-name` label limit). The hash of the exact id keeps two ids that slug
 * alike (`Run_1`, `run-1`) apart; the same run and attempt always map to the same name, which makes
 * creation idempotent.
 */
export function trainingJobName(runId: string, attempt: number): string {
  const suffix = `-${digest(runId, 8)}-${attempt}`;
  const slug = runId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const room = 63 - 'llmops-'.length - suffix.length;
  const head = slug.slice(0, room).replace(/-$/, '');
  return `llmops-${head === '' ? 'run' : head}${suffix}`;
}

/** The run id itself when it is a valid label value, else `h-` and 40 hex digits of its SHA-256. */
export function runIdLabelValue(runId: string): string {
  return runId.length <= 63 && LABEL_VALUE.test(runId) ? runId : `h-${digest(runId, 40)}`;
}

/** Selects the Job (and pods) of one attempt of a run. */
export function attemptSelector(runId: string, attempt: number): string {
  return `${RUN_ID_LABEL}=${runIdLabelValue(runId)},${ATTEMPT_LABEL}=${attempt}`;
}

/** The Secret holding the run's callback token, owned by (and deleted with) its Job. */
export function runTokenSecretName(jobName: string): string {
  return `${jobName}-token`;
}
