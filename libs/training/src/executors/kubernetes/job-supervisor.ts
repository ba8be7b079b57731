import type { ObjectStore } from '@llmops/storage';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ExecutorOutcome, ExecutorRun } from '../training-executor';
import { outputKeyPrefix } from './build-training-job';
import { collectRunArtifacts, listCommittedArtifacts } from './collect-run-artifacts';
import { ExecutorDetachedError, isShutdownReason } from './executor-detached.error';
import { failedOutcome, type Outcome } from './failed-outcome';
import { JobObserver } from './job-observer';
import {
  failureCode,
  jobPhase,
  newestFirst,
  terminationSummary,
  trainerStarted,
  trainerStatus,
  type KubernetesFailureCode,
} from './job-status';
import type { KubernetesJobsClient } from './kubernetes-jobs.client';
import { deleteJobQuietly } from './kubernetes-retry';
import { PodLogCollector } from './pod-log-collector';

/** Timing and limits of supervision (the executor's options with defaults filled in). */
export interface JobSupervisorOptions {
  pollIntervalMs: number;
  watchTimeoutSeconds: number;
  maxWatchFailures: number;
  stuckPendingMs: number;
  logDrainTimeoutMs: number;
  lastLogLines: number;
}

const IMAGE_WAITING = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']);
const CONFIG_WAITING = new Set(['CreateContainerConfigError', 'CreateContainerError']);

/** Per-run bookkeeping while a Job is supervised. */
interface Supervision {
  run: ExecutorRun;
  jobName: string;
  /** Image from the Job, the trainer identity when the pod reports no image digest. */
  image: string;
  logs: PodLogCollector;
  pods: Map<string, IPod>;
  running: boolean;
  /** Pod name → since when it has been waiting for a reason that will not fix itself. */
  stuck: Map<string, { reason: string; message: string; since: number }>;
}

/**
 * Sees one created Job through to an outcome: follows it (watch, reconnect, polling fallback) and its
 * pods, reports running once the trainer container starts, streams the trainer's log, fails pods stuck
 * on an image or configuration error, and maps the end — Complete → succeeded with the artifacts under
 * `<outputPrefix>output/`, Failed → failed with Kubernetes' reason and the last log lines, cancel → Job
 * deleted, shutdown → detached (the Job keeps running).
 */
export class JobSupervisor {
  constructor(
    private readonly client: KubernetesJobsClient,
    private readonly store: ObjectStore,
    private readonly options: JobSupervisorOptions,
    private readonly warn: (message: string) => void,
  ) {}

  /** Follows `job` (just created, or found again by `reattach`) until the run has an outcome. */
  async supervise(run: ExecutorRun, job: IJob): Promise<ExecutorOutcome> {
    const { client } = this;
    const jobName = job.metadata?.name ?? '';
    const observer = new JobObserver(client, jobName, {
      pollIntervalMs: this.options.pollIntervalMs,
      watchTimeoutSeconds: this.options.watchTimeoutSeconds,
      maxWatchFailures: this.options.maxWatchFailures,
      warn: this.warn,
    });
    const state: Supervision = {
      run,
      jobName,
      image: job.spec?.template.spec?.containers[0]?.image ?? '',
      logs: new PodLogCollector(client, {
        keepLines: this.options.lastLogLines,
        drainTimeoutMs: this.options.logDrainTimeoutMs,
        onLine: (line) => {
          run.onLog(line);
        },
        warn: this.warn,
      }),
      pods: new Map(),
      running: false,
      stuck: new Map(),
    };
    observer.start(job);
    try {
      let inspected = -1;
      for (;;) {
        if (run.signal.aborted) return await this.abort(state);
        const { observed, version } = observer.current();
        // A Job deleted right after it finished (a short TTL) still has its outcome in its last state.
        const current =
          observed.kind === 'present' ? observed.job : observed.kind === 'gone' ? observed.last : undefined;
        if (current !== undefined) {
          const phase = jobPhase(current);
          if (version !== inspected || !state.running || state.stuck.size > 0 || phase.phase !== 'running') {
            await this.inspectPods(state);
            inspected = version;
          }
          if (phase.phase === 'complete') return await this.completed(state);
          if (phase.phase === 'failed') return await this.jobFailed(state, phase.reason, phase.message);
        }
        if (observed.kind === 'gone') {
          await state.logs.finish(this.podNames(state));
          return failedOutcome(
            'job-deleted',
            `Job ${jobName} was deleted before it finished`,
            state.logs.lastLines(),
          );
        }
        const stuck = this.stuckFor(state);
        if (stuck !== undefined) {
          await deleteJobQuietly(client, jobName, this.warn);
          return failedOutcome(stuck.code, stuck.reason, state.logs.lastLines());
        }
        await observer.changed(version, this.options.pollIntervalMs, run.signal);
      }
    } finally {
      state.logs.stop();
      await observer.stop();
    }
  }

  /** Lists the Job's pods: starts following logs, reports running once, tracks pods stuck waiting. */
  private async inspectPods(state: Supervision): Promise<void> {
    let pods: IPod[];
    try {
      pods = await this.client.listPods(`job-name=${state.jobName}`);
    } catch (error) {
      this.warn(`listing the pods of Job ${state.jobName} failed: ${String(error)}`);
      return;
    }
    for (const pod of pods) {
      const name = pod.metadata?.name ?? '';
      state.pods.set(name, pod);
      if (pod.status?.phase === 'Running' && trainerStarted(pod)) state.logs.follow(name);
      if (trainerStarted(pod) && !state.running) {
        state.running = true;
        state.run.onRunning();
      }
      const waiting = trainerStatus(pod)?.state?.waiting;
      const reason = waiting?.reason ?? '';
      if (IMAGE_WAITING.has(reason) || CONFIG_WAITING.has(reason)) {
        const since = state.stuck.get(name)?.since ?? Date.now();
        state.stuck.set(name, { reason, message: waiting?.message ?? reason, since });
      } else {
        state.stuck.delete(name);
      }
    }
  }

  private stuckFor(state: Supervision): { code: KubernetesFailureCode; reason: string } | undefined {
    const limit = this.options.stuckPendingMs;
    for (const [pod, stuck] of state.stuck) {
      if (Date.now() - stuck.since < limit) continue;
      const code = IMAGE_WAITING.has(stuck.reason) ? 'image-pull-failed' : 'container-config-error';
      return {
        code,
        reason: `pod ${pod} waited ${Math.round((Date.now() - stuck.since) / 1000)} s in ${stuck.reason}: ${stuck.message}`,
      };
    }
    return undefined;
  }

  private async completed(state: Supervision): Promise<ExecutorOutcome> {
    this.reportRunningIfStarted(state);
    await state.logs.finish(this.podNames(state));
    const { run } = state;
    const collected = await collectRunArtifacts(this.store, outputKeyPrefix(run.io.outputPrefix), run.method);
    if (!collected.ok) return failedOutcome('artifact-invalid', collected.problem, state.logs.lastLines());
    if (collected.artifacts.length === 0) {
      return failedOutcome(
        'no-artifacts',
        `Job ${state.jobName} completed but left nothing under ${run.io.outputPrefix}output/`,
        state.logs.lastLines(),
      );
    }
    const succeeded: Outcome<'succeeded'> = {
      status: 'succeeded',
      artifacts: collected.artifacts,
      metrics: {},
      trainer: this.trainerIdentity(state),
    };
    return succeeded;
  }

  private async jobFailed(state: Supervision, reason: string, message: string): Promise<ExecutorOutcome> {
    this.reportRunningIfStarted(state);
    await state.logs.finish(this.podNames(state));
    const pods = [...state.pods.values()];
    const termination = terminationSummary(pods);
    const text = [
      `Job ${state.jobName} failed: ${reason}${message === '' ? '' : ` (${message})`}`,
      termination,
    ]
      .filter((part) => part !== undefined)
      .join('; ');
    const checkpoints = await listCommittedArtifacts(
      this.store,
      `${outputKeyPrefix(state.run.io.outputPrefix)}checkpoints/`,
      'checkpoint',
    );
    return failedOutcome(failureCode(reason, pods), text, state.logs.lastLines(), checkpoints);
  }

  /** Cancel: delete the Job with its pods. Shutdown: leave it running for `reattach`. */
  private async abort(state: Supervision): Promise<ExecutorOutcome> {
    if (isShutdownReason(state.run.signal.reason)) throw new ExecutorDetachedError(state.jobName);
    await deleteJobQuietly(this.client, state.jobName, this.warn);
    const checkpoints = await listCommittedArtifacts(
      this.store,
      `${outputKeyPrefix(state.run.io.outputPrefix)}checkpoints/`,
      'checkpoint',
    );
    return { status: 'cancelled', artifacts: checkpoints };
  }

  /** A trainer that started and ended between two looks still ran: report it before the outcome. */
  private reportRunningIfStarted(state: Supervision): void {
    if (state.running || ![...state.pods.values()].some(trainerStarted)) return;
    state.running = true;
    state.run.onRunning();
  }

  /** The image digest the newest pod ran (`imageID`), else the Job's image reference. */
  private trainerIdentity(state: Supervision): string {
    for (const pod of newestFirst([...state.pods.values()])) {
      const imageId = trainerStatus(pod)?.imageID;
      if (imageId !== undefined && imageId !== '') return imageId.replace(/^docker-pullable:\/\//, '');
    }
    return state.image;
  }

  /** Pod names oldest first, so retried attempts' logs stay in order. */
  private podNames(state: Supervision): string[] {
    return newestFirst([...state.pods.values()])
      .reverse()
      .map((pod) => pod.metadata?.name ?? '');
  }
}
