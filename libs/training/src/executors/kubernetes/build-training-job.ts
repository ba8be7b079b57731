import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { ExecutorRun } from '../training-executor';
import type { KubernetesRunSettings } from './kubernetes-run-settings';
import {
  ATTEMPT_LABEL,
  RUN_ID_ANNOTATION,
  RUN_ID_LABEL,
  runIdLabelValue,
  runTokenSecretName,
  trainingJobName,
  TRAINER_CONTAINER,
} from './training-job-names';

/** The object store as the trainer pod reaches it. */
export interface TrainerObjectStore {
  /** S3 endpoint URL reachable from the pod, e.g. `http://minio.llmops:9000`. */
  endpoint: string;
  /** Bucket of `LLMOPS_OUTPUT_URI` and the dataset shard URIs. */
  bucket: string;
  /** Signing region; default `us-east-1`. */
  region?: string;
}

/** What a training Job is built from. */
export type TrainingJobRun = Pick<
  ExecutorRun,
  'runId' | 'attempt' | 'method' | 'hyperparameters' | 'baseModel' | 'io' | 'callback'
>;

const RUN_TOKEN_KEY = 'token';

/**
 * The batch/v1 Job of one run attempt: one pod (`restartPolicy: Never`, so a failed pod stays for its
 * logs), the trainer container with the protocol variables, and the settings' resources, placement,
 * credentials and lifetime. Pure: the same run and settings always give the same Job.
 *
 * Protocol variables: LLMOPS_RUN_ID, LLMOPS_RUN_ATTEMPT, LLMOPS_METHOD, LLMOPS_HYPERPARAMETERS (JSON),
 * LLMOPS_DATASET_URIS (JSON: `[{ versionId, split, shardUris }]`), LLMOPS_BASE_MODEL (the base's files
 * URI, else its Hugging Face id or builtin name), LLMOPS_BASE_MODEL_REF (JSON of the reference),
 * LLMOPS_OUTPUT_URI (`s3://<bucket>/<outputPrefix>`), LLMOPS_CALLBACK_URL, LLMOPS_RUN_TOKEN (from the
 * run's token Secret), LLMOPS_S3_ENDPOINT, LLMOPS_S3_BUCKET, LLMOPS_S3_REGION, and for S3 SDKs
 * AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (from `s3Credentials`).
 */
export function buildTrainingJob(
  run: TrainingJobRun,
  settings: KubernetesRunSettings,
  store: TrainerObjectStore,
): IJob {
  const name = trainingJobName(run.runId, run.attempt);
  const labels = {
    [RUN_ID_LABEL]: runIdLabelValue(run.runId),
    [ATTEMPT_LABEL]: String(run.attempt),
    'app.kubernetes.io/managed-by': 'llmops',
    'app.kubernetes.io/component': 'trainer',
  };
  const annotations = { [RUN_ID_ANNOTATION]: run.runId, 'llmops.io/method': run.method };
  const resources = containerResources(settings);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels, annotations },
    spec: {
      backoffLimit: settings.backoffLimit,
      ttlSecondsAfterFinished: settings.ttlSecondsAfterFinished,
      ...(settings.activeDeadlineSeconds === undefined
        ? {}
        : { activeDeadlineSeconds: settings.activeDeadlineSeconds }),
      completions: 1,
      parallelism: 1,
      template: {
        metadata: { labels, annotations },
        spec: {
          restartPolicy: 'Never',
          // The trainer talks to the callback URL and the object store, never to the Kubernetes API.
          automountServiceAccountToken: false,
          ...(settings.serviceAccountName === undefined
            ? {}
            : { serviceAccountName: settings.serviceAccountName }),
          ...(settings.nodeSelector === undefined ? {} : { nodeSelector: settings.nodeSelector }),
          ...(settings.tolerations === undefined ? {} : { tolerations: settings.tolerations }),
          ...(settings.imagePullSecrets === undefined
            ? {}
            : { imagePullSecrets: settings.imagePullSecrets.map((secret) => ({ name: secret })) }),
          containers: [
            {
              name: TRAINER_CONTAINER,
              image: settings.image,
              ...(settings.command === undefined ? {} : { command: settings.command }),
              ...(settings.args === undefined ? {} : { args: settings.args }),
              env: [...protocolEnv(run, settings, store, name), ...extraEnv(settings)],
              ...(resources === undefined ? {} : { resources }),
              // The last lines of the log become the termination message when the trainer leaves none.
              terminationMessagePolicy: 'FallbackToLogsOnError',
            },
          ],
        },
      },
    },
  };
}

/** The Secret holding the run's callback token; owned by the Job, so Kubernetes deletes it with the Job. */
export function buildRunTokenSecret(job: IJob, token: string): ISecret {
  const name = job.metadata?.name ?? '';
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: runTokenSecretName(name),
      labels: { ...job.metadata?.labels },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name,
          uid: job.metadata?.uid ?? '',
          blockOwnerDeletion: false,
        },
      ],
    },
    data: { [RUN_TOKEN_KEY]: Buffer.from(token).toString('base64') },
  };
}

/** `s3://<bucket>/<prefix>` for a key prefix; a prefix that already is an s3 URI is kept. */
export function outputUri(outputPrefix: string, bucket: string): string {
  return outputPrefix.startsWith('s3://')
    ? outputPrefix
    : `s3://${bucket}/${outputPrefix.replace(/^\/+/, '')}`;
}

/** The object key prefix of `outputPrefix` (`runs/<runId>/`), whether given as a key prefix or an s3 URI. */
export function outputKeyPrefix(outputPrefix: string): string {
  const uri = /^s3:\/\/[^/]+\/(.*)$/.exec(outputPrefix);
  return uri ? (uri[1] ?? '') : outputPrefix.replace(/^\/+/, '');
}

function protocolEnv(
  run: TrainingJobRun,
  settings: KubernetesRunSettings,
  store: TrainerObjectStore,
  jobName: string,
): IEnvVar[] {
  const region = store.region ?? 'us-east-1';
  const baseModel =
    run.io.baseModelUri ?? (run.baseModel.kind === 'builtin' ? run.baseModel.name : run.baseModel.id);
  const env: IEnvVar[] = [
    { name: 'LLMOPS_RUN_ID', value: run.runId },
    { name: 'LLMOPS_RUN_ATTEMPT', value: String(run.attempt) },
    { name: 'LLMOPS_METHOD', value: run.method },
    { name: 'LLMOPS_HYPERPARAMETERS', value: JSON.stringify(run.hyperparameters) },
    { name: 'LLMOPS_DATASET_URIS', value: JSON.stringify(run.io.datasets) },
    { name: 'LLMOPS_BASE_MODEL', value: baseModel },
    { name: 'LLMOPS_BASE_MODEL_REF', value: JSON.stringify(run.baseModel) },
    { name: 'LLMOPS_OUTPUT_URI', value: outputUri(run.io.outputPrefix, store.bucket) },
    { name: 'LLMOPS_CALLBACK_URL', value: run.callback.url },
    {
      name: 'LLMOPS_RUN_TOKEN',
      valueFrom: { secretKeyRef: { name: runTokenSecretName(jobName), key: RUN_TOKEN_KEY } },
    },
    { name: 'LLMOPS_S3_ENDPOINT', value: store.endpoint },
    { name: 'LLMOPS_S3_BUCKET', value: store.bucket },
    { name: 'LLMOPS_S3_REGION', value: region },
    { name: 'AWS_ENDPOINT_URL', value: store.endpoint },
    { name: 'AWS_REGION', value: region },
  ];
  const credentials = settings.s3Credentials;
  if (credentials !== undefined) {
    env.push(
      {
        name: 'AWS_ACCESS_KEY_ID',
        valueFrom: { secretKeyRef: { name: credentials.secretName, key: credentials.accessKeyIdKey } },
      },
      {
        name: 'AWS_SECRET_ACCESS_KEY',
        valueFrom: { secretKeyRef: { name: credentials.secretName, key: credentials.secretAccessKeyKey } },
      },
    );
  }
  return env;
}

function extraEnv(settings: KubernetesRunSettings): IEnvVar[] {
  return (settings.env ?? []).map((variable) =>
    'value' in variable
      ? { name: variable.name, value: variable.value }
      : { name: variable.name, valueFrom: { secretKeyRef: variable.secretKeyRef } },
  );
}

type ResourceList = Record<string, string>;

/** Requests and limits without empty maps; a GPU request alone becomes the limit too (Kubernetes requires it). */
function containerResources(
  settings: KubernetesRunSettings,
): { requests?: ResourceList; limits?: ResourceList } | undefined {
  const requests = definedEntries(settings.resources?.requests);
  const limits = definedEntries(settings.resources?.limits);
  const gpu = requests['nvidia.com/gpu'];
  if (gpu !== undefined && limits['nvidia.com/gpu'] === undefined) limits['nvidia.com/gpu'] = gpu;
  const result = {
    ...(Object.keys(requests).length > 0 ? { requests } : {}),
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}

function definedEntries(list: Partial<Record<string, string>> | undefined): ResourceList {
  const entries: ResourceList = {};
  for (const [key, value] of Object.entries(list ?? {})) if (value !== undefined) entries[key] = value;
  return entries;
}
