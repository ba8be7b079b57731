import type { ObjectStore } from '@llmops/storage';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ExecutorOutcome, ExecutorRun, TrainingExecutor } from '../training-executor';
import { buildRunTokenSecret, buildTrainingJob, type TrainerObjectStore } from './build-training-job';
import { ExecutorDetachedError, isShutdownReason } from './executor-detached.error';
import { failedOutcome, type Outcome } from './failed-outcome';
import { JobSupervisor } from './job-supervisor';
import { isAlreadyExists, KubernetesApiError } from './kubernetes-api.error';
import { KubernetesJobsClient } from './kubernetes-jobs.client';
import { deleteJobQuietly, retrying } from './kubernetes-retry';
import {
  parseKubernetesRunSettings,
  type KubernetesRunSettingsInput,
  type SettingsIssue,
} from './kubernetes-run-settings';
import type { KubeConfigSource } from './kube-config-source';
import { attemptSelector, RUN_ID_ANNOTATION, trainingJobName } from './training-job-names';
import { jobSchemaProblems, secretSchemaProblems } from './validate-kubernetes-object';

/** How the `kubernetes` executor is set up (from training's config, once at boot). */
export interface KubernetesExecutorOptions {
  /** Where the API server and credentials come from (`TRAINING_KUBECONFIG`, else in-cluster). */
  kubeConfig: KubeConfigSource;
  /** Namespace of the training Jobs and their run-token Secrets (`TRAINING_KUBERNETES_NAMESPACE`). */
  namespace: string;
  /** The platform's object store: where the trainer's artifacts are listed and sealed. */
  store: ObjectStore;
  /** The same store as the trainer pod reaches it (endpoint, bucket, region for the protocol variables). */
  objectStore: TrainerObjectStore;
  /** Settings every run starts from, overridden field by field by the run's (e.g. `s3Credentials`). */
  defaults?: Partial<KubernetesRunSettingsInput>;
  /** Poll period when watching is impossible, and while waiting for a pod to start; default 2000 ms. */
  pollIntervalMs?: number;
  /** `timeoutSeconds` of each watch request (the executor reconnects); default 300. */
  watchTimeoutSeconds?: number;
  /** Watch failures in a row before polling instead; default 3. */
  maxWatchFailures?: number;
  /** How long a pod may sit in ImagePullBackOff / CreateContainerConfigError before the run fails; default 5 min. */
  stuckPendingMs?: number;
  /** How long to wait for a followed log stream to end before reading the rest at once; default 10 s. */
  logDrainTimeoutMs?: number;
  /** Log lines kept for a failure's `lastLogLines`; default 50. */
  lastLogLines?: number;
  /** Where the executor reports its own trouble (watch fallbacks, log read failures); default silent. */
  logger?: { warn(message: string): void };
}

/**
 * Runs training as a batch/v1 Job: builds the Job from the run and its settings, checks it against the
 * official schema, creates it (with the callback token in a Secret the Job owns) and hands it to a
 * `JobSupervisor`, which follows it to the outcome: Complete → succeeded with the artifacts under
 * `<outputPrefix>output/`, Failed → failed with Kubernetes' reason and the last log lines, cancel → Job
 * deleted (background propagation). On shutdown (`signal.reason` 'shutdown') it leaves the Job running
 * and rejects with `ExecutorDetachedError`; `reattach` finds the Job by label and resumes it.
 */
export class KubernetesExecutor implements TrainingExecutor {
  readonly kind = 'kubernetes' as const;
  private client: Promise<KubernetesJobsClient> | undefined;

  constructor(private readonly options: KubernetesExecutorOptions) {}

  validateSettings(settings: unknown): SettingsIssue[] {
    const parsed = parseKubernetesRunSettings(settings, this.options.defaults);
    return parsed.ok ? [] : parsed.issues;
  }

  async run(run: ExecutorRun): Promise<ExecutorOutcome> {
    const parsed = parseKubernetesRunSettings(run.settings, this.options.defaults);
    if (!parsed.ok) {
      const detail = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      return failedOutcome('invalid-settings', `invalid kubernetes settings: ${detail}`, []);
    }
    const job = buildTrainingJob(run, parsed.settings, this.options.objectStore);
    const problems = jobSchemaProblems(job);
    if (problems.length > 0) {
      return failedOutcome('invalid-job', `the Job fails the batch/v1 schema: ${problems.join('; ')}`, []);
    }
    if (run.signal.aborted) {
      // Nothing was created: a shutdown leaves nothing to reattach to, a cancel nothing to delete.
      if (isShutdownReason(run.signal.reason)) throw new ExecutorDetachedError(job.metadata?.name ?? '');
      return { status: 'cancelled', artifacts: [] };
    }
    const client = await this.connect();
    if (client instanceof KubernetesApiError)
      return failedOutcome('kubernetes-unavailable', client.message, []);
    const created = await this.createJob(client, job, run);
    if ('status' in created) return created;
    const secret = await this.ensureTokenSecret(client, created.job, run.callback.token);
    if (secret !== undefined) {
      await deleteJobQuietly(client, created.job.metadata?.name ?? '', this.warn);
      return secret;
    }
    return this.supervisor(client).supervise(run, created.job);
  }

  async reattach(run: ExecutorRun): Promise<ExecutorOutcome | null> {
    const client = await this.connect();
    if (client instanceof KubernetesApiError) throw client;
    const jobs = await client.listJobs(attemptSelector(run.runId, run.attempt));
    const name = trainingJobName(run.runId, run.attempt);
    const job = jobs.find((each) => each.metadata?.name === name) ?? jobs[0];
    if (job === undefined) return null;
    // The Secret may be missing if the service stopped between creating the Job and it.
    const secret = await this.ensureTokenSecret(client, job, run.callback.token);
    if (secret !== undefined) this.warn(`run ${run.runId}: ${secret.reason}`);
    return this.supervisor(client).supervise(run, job);
  }

  /** Creates the Job; an existing Job of the same run and attempt (a retried call) is adopted. */
  private async createJob(
    client: KubernetesJobsClient,
    job: IJob,
    run: ExecutorRun,
  ): Promise<{ job: IJob } | Outcome<'failed'>> {
    const name = job.metadata?.name ?? '';
    try {
      return { job: await retrying(() => client.createJob(job), run.signal) };
    } catch (error) {
      const apiError = KubernetesApiError.from(`create Job ${name}`, error);
      if (isAlreadyExists(apiError)) {
        const existing = await retrying(() => client.readJob(name), run.signal).catch(() => undefined);
        if (existing?.metadata?.annotations?.[RUN_ID_ANNOTATION] === run.runId) return { job: existing };
        return failedOutcome(
          'kubernetes-rejected',
          `a Job named ${name} exists and belongs to another run`,
          [],
        );
      }
      return failedOutcome(
        apiError.transient ? 'kubernetes-unavailable' : 'kubernetes-rejected',
        apiError.message,
        [],
      );
    }
  }

  /** Creates the run-token Secret the Job's pod reads LLMOPS_RUN_TOKEN from; undefined when it exists now. */
  private async ensureTokenSecret(
    client: KubernetesJobsClient,
    job: IJob,
    token: string,
  ): Promise<Outcome<'failed'> | undefined> {
    const secret = buildRunTokenSecret(job, token);
    const problems = secretSchemaProblems(secret);
    if (problems.length > 0)
      return failedOutcome('invalid-job', `the token Secret fails the v1 schema: ${problems.join('; ')}`, []);
    try {
      await retrying(() => client.createSecret(secret));
      return undefined;
    } catch (error) {
      if (isAlreadyExists(error)) return undefined;
      const apiError = KubernetesApiError.from(`create Secret ${secret.metadata?.name ?? ''}`, error);
      return failedOutcome(
        apiError.transient ? 'kubernetes-unavailable' : 'kubernetes-rejected',
        apiError.message,
        [],
      );
    }
  }

  private connect(): Promise<KubernetesJobsClient | KubernetesApiError> {
    this.client ??= KubernetesJobsClient.connect(this.options.kubeConfig, this.options.namespace);
    return this.client.catch((error: unknown) => {
      // A missing kubeconfig or service account may be fixed without restarting: try again next run.
      this.client = undefined;
      return KubernetesApiError.from('load Kubernetes configuration', error);
    });
  }

  private supervisor(client: KubernetesJobsClient): JobSupervisor {
    const { options } = this;
    return new JobSupervisor(
      client,
      options.store,
      {
        pollIntervalMs: options.pollIntervalMs ?? 2000,
        watchTimeoutSeconds: options.watchTimeoutSeconds ?? 300,
        maxWatchFailures: options.maxWatchFailures ?? 3,
        stuckPendingMs: options.stuckPendingMs ?? 300_000,
        logDrainTimeoutMs: options.logDrainTimeoutMs ?? 10_000,
        lastLogLines: options.lastLogLines ?? 50,
      },
      this.warn,
    );
  }

  private readonly warn = (message: string): void => {
    this.options.logger?.warn(message);
  };
}
