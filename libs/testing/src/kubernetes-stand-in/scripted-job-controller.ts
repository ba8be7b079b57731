import { createHash, randomBytes } from 'node:crypto';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IJobCondition } from 'kubernetes-models/batch/v1/JobCondition';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { PodExit, PodScript, PodScriptSource } from './pod-script';
import { resolveContainerEnv } from './container-env';
import type { PodLogBook } from './pod-log-book';
import type { ResourceTable } from './resource-table';

/** How a deletion treats the Job's pods (`DeleteOptions.propagationPolicy`). */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

interface JobState {
  namespace: string;
  name: string;
  uid: string;
  nextPodIndex: number;
  activePod: { name: string; abort: AbortController } | undefined;
  finished: boolean;
  /** Deleted (not orphaned): nothing of it runs any more. */
  stopped: boolean;
  /** Deleted with `Orphan`: its pod runs on, but no longer updates (or restarts for) the Job. */
  orphaned: boolean;
  timers: Set<NodeJS.Timeout>;
}

export interface ScriptedJobControllerOptions {
  table: ResourceTable;
  logs: PodLogBook;
  script: () => PodScriptSource;
  /** Delay before a failed pod is replaced (the real controller backs off from 10 s). */
  retryDelayMs: number;
  /** Told of every Job deletion (by a client or the TTL controller) and its propagation policy. */
  onDeleted(uid: string, policy: PropagationPolicy): void;
}

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The stand-in's job controller and kubelet in one: moves each Job through pending → active (one pod
 * at a time, parallelism 1) → Complete or Failed as the test's script says, honouring backoffLimit,
 * activeDeadlineSeconds, ttlSecondsAfterFinished and deletion propagation. Statuses and conditions are
 * shaped like the real controller's so clients read them the same way.
 */
export class ScriptedJobController {
  private readonly jobs = new Map<string, JobState>();
  private readonly collectorTimers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: ScriptedJobControllerOptions) {}

  /** A Job was stored: start its first pod. */
  jobCreated(job: IJob): void {
    const metadata = job.metadata ?? {};
    const state: JobState = {
      namespace: metadata.namespace ?? 'default',
      name: metadata.name ?? '',
      uid: metadata.uid ?? '',
      nextPodIndex: 0,
      activePod: undefined,
      finished: false,
      stopped: false,
      orphaned: false,
      timers: new Set(),
    };
    this.jobs.set(state.uid, state);
    this.after(state, 0, () => {
      this.startPod(state);
    });
  }

  /** Stops the Job's work and removes it (and, unless orphaned, its pods and owned Secrets). */
  deleteJob(job: IJob, policy: PropagationPolicy): void {
    const uid = job.metadata?.uid ?? '';
    const namespace = job.metadata?.namespace ?? 'default';
    const name = job.metadata?.name ?? '';
    this.options.onDeleted(uid, policy);
    const state = this.jobs.get(uid);
    if (state && policy === 'Orphan') state.orphaned = true;
    else if (state) this.stop(state);
    const { table } = this.options;
    const dependents = this.dependentsOf(namespace, uid);
    if (policy === 'Orphan') {
      table.remove('jobs', namespace, name);
      for (const pod of dependents.pods) {
        table.update('pods', namespace, pod, (object) => {
          delete object.metadata?.ownerReferences;
        });
      }
      return;
    }
    if (policy === 'Foreground') {
      table.update('jobs', namespace, name, (object) => {
        object.metadata = {
          ...object.metadata,
          deletionTimestamp: new Date().toISOString(),
          finalizers: ['foregroundDeletion'],
        };
      });
      this.removeDependents(namespace, dependents);
      table.remove('jobs', namespace, name);
      return;
    }
    table.remove('jobs', namespace, name);
    // Background: the garbage collector removes dependents after the owner is gone.
    const timer = setTimeout(() => {
      this.collectorTimers.delete(timer);
      this.removeDependents(namespace, dependents);
    }, 5);
    this.collectorTimers.add(timer);
  }

  /** Stops every pod and timer (the stand-in is closing). */
  close(): void {
    this.closed = true;
    for (const timer of this.collectorTimers) clearTimeout(timer);
    for (const state of this.jobs.values()) this.stop(state);
  }

  private startPod(state: JobState): void {
    const { table } = this.options;
    const job = table.get('jobs', state.namespace, state.name);
    if (job?.spec === undefined || state.stopped || state.orphaned || this.closed) return;
    const podIndex = state.nextPodIndex;
    state.nextPodIndex += 1;
    const script = this.scriptFor(job, podIndex);
    const podName = `${state.name}-${randomName()}`;
    const containers = job.spec.template.spec?.containers ?? [];
    const now = new Date().toISOString();
    table.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        namespace: state.namespace,
        labels: { ...job.spec.template.metadata?.labels },
        ...(job.spec.template.metadata?.annotations === undefined
          ? {}
          : { annotations: { ...job.spec.template.metadata.annotations } }),
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: state.name,
            uid: state.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...job.spec.template.spec, containers, nodeName: 'stand-in-node' },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: now }],
        containerStatuses: containers.map((container) =>
          containerStatus(container, { waiting: { reason: 'ContainerCreating' } }),
        ),
      },
    });
    state.activePod = { name: podName, abort: new AbortController() };
    const started = this.updateJobStatus(state, (status) => {
      status.active = 1;
      status.ready = 0;
      status.startTime ??= now;
    });
    const deadline = job.spec.activeDeadlineSeconds;
    if (podIndex === 0 && deadline !== undefined && started?.status?.startTime !== undefined) {
      this.after(state, deadline * 1000, () => {
        this.deadlineExceeded(state);
      });
    }
    this.after(state, script.pendingMs ?? 0, () => {
      this.runPod(state, podName, podIndex, script);
    });
  }

  private runPod(state: JobState, podName: string, podIndex: number, script: PodScript): void {
    const { table, logs } = this.options;
    const active = state.activePod;
    if (active?.name !== podName || this.closed) return;
    const job = table.get('jobs', state.namespace, state.name);
    const pod = table.get('pods', state.namespace, podName);
    if (pod === undefined) return;
    const container = pod.spec?.containers[0];
    if (script.stuck !== undefined) {
      const waiting = { reason: script.stuck.reason, message: script.stuck.message ?? script.stuck.reason };
      this.setWaiting(state.namespace, podName, waiting);
      return;
    }
    const env =
      container === undefined
        ? { env: {} }
        : resolveContainerEnv(this.options.table, state.namespace, container);
    if ('error' in env) {
      // The kubelet keeps retrying until the Secret (or key) appears.
      this.setWaiting(state.namespace, podName, { reason: 'CreateContainerConfigError', message: env.error });
      this.after(state, 20, () => {
        this.runPod(state, podName, podIndex, script);
      });
      return;
    }
    const startedAt = new Date().toISOString();
    const running = table.update('pods', state.namespace, podName, (object) => {
      object.status = {
        ...object.status,
        phase: 'Running',
        startTime: startedAt,
        podIP: '10.0.0.10',
        conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({
          type,
          status: 'True',
          lastTransitionTime: startedAt,
        })),
        containerStatuses: (object.spec?.containers ?? []).map((each) =>
          containerStatus(each, { running: { startedAt } }, true),
        ),
      };
    });
    if (running === undefined) return;
    this.updateJobStatus(state, (status) => {
      status.ready = 1;
    });
    for (const line of script.logs ?? []) logs.append(state.namespace, podName, line);
    void this.runScript(state, podName, script, {
      job: job ?? { apiVersion: 'batch/v1', kind: 'Job' },
      pod: running,
      podIndex,
      env: env.env,
      log: (line) => {
        logs.append(state.namespace, podName, line);
      },
      signal: active.abort.signal,
    });
  }

  private async runScript(
    state: JobState,
    podName: string,
    script: PodScript,
    context: Parameters<NonNullable<PodScript['run']>>[0],
  ): Promise<void> {
    let exit: PodExit | undefined;
    try {
      exit = script.run === undefined ? undefined : await script.run(context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      context.log(`stand-in trainer threw: ${message}`);
      exit = { exitCode: 1, reason: 'Error', message };
    }
    const final = exit ?? script.exit ?? { exitCode: 0 };
    this.after(state, script.runMs ?? 0, () => {
      this.podExited(state, podName, final);
    });
  }

  private podExited(state: JobState, podName: string, exit: PodExit): void {
    const { logs } = this.options;
    if (state.activePod?.name !== podName || state.stopped) return;
    this.terminatePod(state.namespace, podName, exit);
    logs.end(state.namespace, podName);
    if (state.orphaned) return;
    state.activePod = undefined;
    const now = new Date().toISOString();
    if (exit.exitCode === 0) {
      state.finished = true;
      this.updateJobStatus(state, (status) => {
        status.active = 0;
        status.ready = 0;
        status.succeeded = (status.succeeded ?? 0) + 1;
        status.completionTime = now;
        status.conditions = [
          condition(
            'SuccessCriteriaMet',
            'CompletionsReached',
            'Reached expected number of succeeded pods',
            now,
          ),
          condition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', now),
        ];
      });
      this.scheduleTtl(state);
      return;
    }
    const job = this.updateJobStatus(state, (status) => {
      status.active = 0;
      status.ready = 0;
      status.failed = (status.failed ?? 0) + 1;
    });
    const backoffLimit = job?.spec?.backoffLimit ?? 6;
    if ((job?.status?.failed ?? 0) > backoffLimit) {
      this.failJob(state, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      return;
    }
    this.after(state, this.options.retryDelayMs, () => {
      this.startPod(state);
    });
  }

  private deadlineExceeded(state: JobState): void {
    if (state.finished || state.stopped || state.orphaned) return;
    const active = state.activePod;
    if (active !== undefined) {
      active.abort.abort(new Error('DeadlineExceeded'));
      this.terminatePod(state.namespace, active.name, { exitCode: 137, reason: 'Error' }, 'DeadlineExceeded');
      this.options.logs.end(state.namespace, active.name);
      state.activePod = undefined;
      this.updateJobStatus(state, (status) => {
        status.active = 0;
        status.ready = 0;
        status.failed = (status.failed ?? 0) + 1;
      });
    }
    this.failJob(state, 'DeadlineExceeded', 'Job was active longer than specified deadline');
  }

  private failJob(state: JobState, reason: string, message: string): void {
    state.finished = true;
    const now = new Date().toISOString();
    this.updateJobStatus(state, (status) => {
      status.conditions = [
        condition('FailureTarget', reason, message, now),
        condition('Failed', reason, message, now),
      ];
    });
    this.scheduleTtl(state);
  }

  private scheduleTtl(state: JobState): void {
    const job = this.options.table.get('jobs', state.namespace, state.name);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (job === undefined || ttl === undefined) return;
    this.after(state, ttl * 1000, () => {
      // The TTL-after-finished controller deletes with foreground propagation.
      this.deleteJob(job, 'Foreground');
    });
  }

  private terminatePod(namespace: string, podName: string, exit: PodExit, podReason?: string): void {
    const finishedAt = new Date().toISOString();
    this.options.table.update('pods', namespace, podName, (object) => {
      const startedAt = object.status?.startTime ?? finishedAt;
      object.status = {
        ...object.status,
        phase: exit.exitCode === 0 ? 'Succeeded' : 'Failed',
        ...(podReason === undefined
          ? {}
          : { reason: podReason, message: 'Pod was active on the node longer than the specified deadline' }),
        conditions: (object.status?.conditions ?? []).map((each) =>
          each.type === 'Ready' || each.type === 'ContainersReady'
            ? { ...each, status: 'False', reason: 'PodCompleted', lastTransitionTime: finishedAt }
            : each,
        ),
        containerStatuses: (object.spec?.containers ?? []).map((each) =>
          containerStatus(each, {
            terminated: {
              exitCode: exit.exitCode,
              reason: exit.reason ?? (exit.exitCode === 0 ? 'Completed' : 'Error'),
              ...(exit.message === undefined ? {} : { message: exit.message }),
              startedAt,
              finishedAt,
            },
          }),
        ),
      };
    });
  }

  private setWaiting(namespace: string, podName: string, waiting: { reason: string; message: string }): void {
    this.options.table.update('pods', namespace, podName, (object) => {
      object.status = {
        ...object.status,
        containerStatuses: (object.spec?.containers ?? []).map((each) => containerStatus(each, { waiting })),
      };
    });
  }

  private updateJobStatus(
    state: JobState,
    change: (status: NonNullable<IJob['status']>) => void,
  ): IJob | undefined {
    if (state.stopped || state.orphaned) return undefined;
    return this.options.table.update('jobs', state.namespace, state.name, (job) => {
      const status = { ...job.status };
      change(status);
      job.status = status;
    });
  }

  private dependentsOf(namespace: string, uid: string): { pods: string[]; secrets: string[] } {
    const owned = (object: { metadata?: { ownerReferences?: { uid: string }[]; name?: string } }): boolean =>
      (object.metadata?.ownerReferences ?? []).some((ref) => ref.uid === uid);
    const { table } = this.options;
    return {
      pods: table
        .list('pods', namespace)
        .filter(owned)
        .map((pod) => pod.metadata?.name ?? ''),
      secrets: table
        .list('secrets', namespace)
        .filter(owned)
        .map((secret) => secret.metadata?.name ?? ''),
    };
  }

  private removeDependents(namespace: string, dependents: { pods: string[]; secrets: string[] }): void {
    const { table, logs } = this.options;
    for (const pod of dependents.pods) {
      const deleted = table.update('pods', namespace, pod, (object) => {
        object.metadata = { ...object.metadata, deletionTimestamp: new Date().toISOString() };
      });
      if (deleted !== undefined && isRunning(deleted)) {
        this.terminatePod(namespace, pod, {
          exitCode: 137,
          reason: 'Error',
          message: 'stopped: pod deleted',
        });
      }
      logs.end(namespace, pod);
      table.remove('pods', namespace, pod);
    }
    for (const secret of dependents.secrets) table.remove('secrets', namespace, secret);
  }

  private stop(state: JobState): void {
    state.stopped = true;
    for (const timer of state.timers) clearTimeout(timer);
    state.timers.clear();
    state.activePod?.abort.abort(new Error('pod stopped'));
  }

  private scriptFor(job: IJob, podIndex: number): PodScript {
    try {
      return this.options.script()(job, podIndex);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        logs: [`stand-in script failed: ${message}`],
        exit: { exitCode: 1, reason: 'Error', message },
      };
    }
  }

  private after(state: JobState, ms: number, action: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      if (!this.closed) action();
    }, ms);
    state.timers.add(timer);
  }
}

function containerStatus(
  container: IContainer,
  state: IContainerStatus['state'],
  ready = false,
): IContainerStatus {
  return {
    name: container.name,
    image: container.image ?? '',
    imageID: `${container.image ?? ''}@sha256:${createHash('sha256')
      .update(container.image ?? '')
      .digest('hex')}`,
    ready,
    started: state?.running !== undefined,
    restartCount: 0,
    state,
  };
}

function condition(type: string, reason: string, message: string, now: string): IJobCondition {
  return { type, status: 'True', reason, message, lastProbeTime: now, lastTransitionTime: now };
}

function isRunning(pod: IPod): boolean {
  return pod.status?.phase === 'Running' || pod.status?.phase === 'Pending';
}

function randomName(): string {
  return [...randomBytes(5)].map((byte) => NAME_CHARS[byte % NAME_CHARS.length]).join('');
}
