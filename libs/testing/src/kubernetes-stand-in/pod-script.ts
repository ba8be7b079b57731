import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';

/** How a scripted container ends. A non-zero exit code fails the pod (and counts against backoffLimit). */
export interface PodExit {
  exitCode: number;
  /** Container termination reason; default `Completed` for 0, `Error` otherwise (e.g. `OOMKilled`). */
  reason?: string;
  message?: string;
}

/** What the "trainer" in a scripted pod can see and do while it runs. */
export interface RunningPod {
  job: IJob;
  pod: IPod;
  /** 0 for the Job's first pod, 1 for the first retry, … */
  podIndex: number;
  /**
   * The container's environment as the kubelet would resolve it: plain values plus `secretKeyRef`
   * values read from the stand-in's Secrets.
   */
  env: Readonly<Record<string, string>>;
  /** Appends a line to the container's log (what `pods/<pod>/log` returns). */
  log(line: string): void;
  /** Aborted when the pod is stopped: Job deleted (not orphaned), deadline exceeded, or stand-in closed. */
  signal: AbortSignal;
}

/**
 * The script of one pod of a Job. Every field is optional: the empty script runs the pod and exits 0
 * at once.
 */
export interface PodScript {
  /** Milliseconds the pod stays Pending (ContainerCreating) before it runs. */
  pendingMs?: number;
  /** Keep the pod Pending for good with this container waiting reason (e.g. `ImagePullBackOff`). */
  stuck?: { reason: string; message?: string };
  /** Lines the container logs as soon as it runs. */
  logs?: string[];
  /** Milliseconds the container runs after `logs` (and after `run` resolves) before it exits. */
  runMs?: number;
  /**
   * The trainer itself, called once the pod runs: write outputs, log lines; resolve with the exit
   * (default exit 0), or never resolve to keep the pod running until the Job is deleted.
   */
  run?: (pod: RunningPod) => Promise<PodExit | undefined> | PodExit | undefined;
  /** Exit used when `run` is absent or resolves with nothing. */
  exit?: PodExit;
}

/** Picks the script of each pod a Job starts; `podIndex` counts retries. */
export type PodScriptSource = (job: IJob, podIndex: number) => PodScript;

/** Annotation holding a JSON `PodScript` (without `run`), for Jobs a test builds itself. */
export const SCRIPT_ANNOTATION = 'stand-in.llmops.io/script';

/** The default source: the Job's script annotation, else a pod that succeeds at once. */
export function scriptFromAnnotation(job: IJob): PodScript {
  const raw = job.metadata?.annotations?.[SCRIPT_ANNOTATION];
  if (raw === undefined) return {};
  return JSON.parse(raw) as PodScript;
}
