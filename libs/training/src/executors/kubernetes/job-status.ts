import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { TRAINER_CONTAINER } from './training-job-names';

/** Where a Job stands, from its conditions (the only reliable signal: counts lag them). */
export type JobPhase =
  { phase: 'running' } | { phase: 'complete' } | { phase: 'failed'; reason: string; message: string };

/**
 * `Complete=True` → complete, `Failed=True` → failed. `SuccessCriteriaMet` and `FailureTarget` (set
 * while the last pods terminate, Kubernetes ≥ 1.31) are not final yet: the outcome waits for the
 * terminal condition.
 */
export function jobPhase(job: IJob): JobPhase {
  const conditions = job.status?.conditions ?? [];
  const isTrue = (type: string) => conditions.find((each) => each.type === type && each.status === 'True');
  if (isTrue('Complete')) return { phase: 'complete' };
  const failed = isTrue('Failed');
  if (failed) return { phase: 'failed', reason: failed.reason ?? 'Failed', message: failed.message ?? '' };
  return { phase: 'running' };
}

/** Stable failure codes of kubernetes runs (`ExecutorOutcome.code`). */
export const KUBERNETES_FAILURE_CODES = [
  /** The trainer exited non-zero (after the allowed retries). */
  'trainer-failed',
  /** The trainer was OOM-killed. */
  'out-of-memory',
  /** `activeDeadlineSeconds` passed. */
  'deadline-exceeded',
  /** The Job failed for another reason Kubernetes gave. */
  'job-failed',
  /** The Job disappeared while being watched (deleted outside llmops, or its TTL passed). */
  'job-deleted',
  /** The image could not be pulled for `stuckPendingMs`. */
  'image-pull-failed',
  /** The container could not be configured (missing Secret or key) for `stuckPendingMs`. */
  'container-config-error',
  /** The run's settings are invalid (the service validates them earlier; this guards direct calls). */
  'invalid-settings',
  /** The built Job failed the official schema (a bug or unsupported settings). */
  'invalid-job',
  /** The API server refused the Job or its Secret (403 RBAC, 422, quota …). */
  'kubernetes-rejected',
  /** The API server could not be reached. */
  'kubernetes-unavailable',
  /** The Job completed but left no artifacts under `output/`. */
  'no-artifacts',
  /** An artifact did not match the checksum its manifest declared, or could not be sealed. */
  'artifact-invalid',
] as const;
export type KubernetesFailureCode = (typeof KUBERNETES_FAILURE_CODES)[number];

/** The failure code of a Failed Job, refined by how its trainer container ended. */
export function failureCode(reason: string, pods: IPod[]): KubernetesFailureCode {
  if (reason === 'DeadlineExceeded') return 'deadline-exceeded';
  const terminated = pods
    .map((pod) => trainerStatus(pod)?.state?.terminated)
    .filter((each) => each !== undefined);
  if (terminated.some((each) => each.reason === 'OOMKilled')) return 'out-of-memory';
  if (reason === 'BackoffLimitExceeded' || reason === 'PodFailurePolicy') return 'trainer-failed';
  return 'job-failed';
}

/** One line about how the newest terminated trainer container ended, e.g. `trainer exited 137 (OOMKilled)`. */
export function terminationSummary(pods: IPod[]): string | undefined {
  for (const pod of newestFirst(pods)) {
    const terminated = trainerStatus(pod)?.state?.terminated;
    if (terminated === undefined) continue;
    const why = terminated.reason === undefined ? '' : ` (${terminated.reason})`;
    return `trainer in pod ${pod.metadata?.name ?? '?'} exited ${terminated.exitCode}${why}`;
  }
  return undefined;
}

/** The trainer container's status in `pod`. */
export function trainerStatus(pod: IPod): IContainerStatus | undefined {
  return pod.status?.containerStatuses?.find((each) => each.name === TRAINER_CONTAINER);
}

/** True once the trainer container has started (running now or terminated since). */
export function trainerStarted(pod: IPod): boolean {
  const state = trainerStatus(pod)?.state;
  return pod.status?.phase === 'Running' || state?.running !== undefined || state?.terminated !== undefined;
}

/** Pods newest first (by creation time, then name). */
export function newestFirst(pods: IPod[]): IPod[] {
  const created = (pod: IPod) => pod.metadata?.creationTimestamp ?? '';
  return [...pods].sort(
    (a, b) =>
      created(b).localeCompare(created(a)) || (b.metadata?.name ?? '').localeCompare(a.metadata?.name ?? ''),
  );
}
