import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { FsObjectStore } from '@llmops/storage';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test-only: the Kubernetes API stand-in lives in the testing lib
import {
  startKubernetesStandIn,
  waitFor,
  type KubernetesStandIn,
  type PodScript,
  type RunningPod,
} from '@llmops/testing';
import { Job } from 'kubernetes-models/batch/v1/Job';
import type { ExecutorRun, RunMetricsSample } from '../training-executor';
import { ExecutorDetachedError } from './executor-detached.error';
import { KubernetesExecutor, type KubernetesExecutorOptions } from './kubernetes-executor';
import { trainingJobName } from './training-job-names';

const NAMESPACE = 'training';
const BUCKET = 'llmops';

interface RunProbe {
  run: ExecutorRun;
  logs: string[];
  running: number;
  metrics: RunMetricsSample[];
  abort: AbortController;
}

function newRun(runId: string, settings: Record<string, unknown> = {}): RunProbe {
  const abort = new AbortController();
  const probe: RunProbe = {
    logs: [],
    running: 0,
    metrics: [],
    abort,
    run: undefined as unknown as ExecutorRun,
  };
  probe.run = {
    runId,
    attempt: 1,
    method: 'sft',
    hyperparameters: { epochs: 1, learning_rate: 0.0002 },
    baseModel: { kind: 'huggingface', id: 'Qwen/Qwen2.5-0.5B' },
    settings: { image: 'ghcr.io/acme/trainer:1.0', ...settings },
    io: {
      datasets: [
        { versionId: 'dv_1', split: 'train', shardUris: ['s3://llmops/datasets/d1/v1/train-0.jsonl.gz'] },
      ],
      baseModelUri: null,
      outputPrefix: `runs/${runId}/`,
    },
    callback: { url: 'http://training.llmops:3003/v1/training/runs/callback', token: `token-of-${runId}` },
    signal: abort.signal,
    onMetrics: (sample) => probe.metrics.push(sample),
    onLog: (line) => probe.logs.push(line),
    onRunning: () => {
      probe.running += 1;
    },
  };
  return probe;
}

/** A trainer that waits until `open()` (or until its pod is stopped). */
function gate(): { open: () => void; wait: (signal: AbortSignal) => Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const wait = (signal: AbortSignal) =>
    Promise.race([
      opened,
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => {
          resolve();
        });
      }),
    ]);
  return { open, wait };
}

describe('KubernetesExecutor against the stand-in for a Kubernetes API server (not a cluster)', () => {
  let standIn: KubernetesStandIn;
  let dir: string;
  let store: FsObjectStore;
  let warnings: string[];

  function executor(overrides: Partial<KubernetesExecutorOptions> = {}): KubernetesExecutor {
    return new KubernetesExecutor({
      kubeConfig: { kind: 'yaml', yaml: standIn.kubeconfig },
      namespace: NAMESPACE,
      store,
      objectStore: { endpoint: 'http://minio.llmops:9000', bucket: BUCKET },
      defaults: { s3Credentials: { secretName: 'llmops-secrets' } },
      pollIntervalMs: 40,
      logDrainTimeoutMs: 500,
      logger: { warn: (message) => warnings.push(message) },
      ...overrides,
    });
  }

  /** Writes a file where a trainer's plain S3 PUT would land: bytes only, no checksum record. */
  async function uploadRaw(pod: RunningPod, file: string, content: string): Promise<string> {
    const prefix = (pod.env['LLMOPS_OUTPUT_URI'] ?? '').replace(`s3://${BUCKET}/`, '');
    const target = path.join(dir, prefix, 'output', file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    return createHash('sha256').update(content).digest('hex');
  }

  /** A Hugging Face style trainer: logs, uploads weights raw (listed in the manifest), seals metrics itself. */
  const huggingFaceTrainer: PodScript = {
    pendingMs: 20,
    run: async (pod) => {
      pod.log('loading Qwen/Qwen2.5-0.5B');
      const weights = await uploadRaw(pod, 'model.safetensors', 'weights');
      await uploadRaw(pod, 'config.json', '{"model_type":"qwen2"}');
      await uploadRaw(pod, 'tokenizer.json', '{}');
      await uploadRaw(
        pod,
        'llmops-files.json',
        JSON.stringify({
          files: [{ path: 'model.safetensors', sha256: weights }, 'config.json', 'tokenizer.json'],
        }),
      );
      const prefix = (pod.env['LLMOPS_OUTPUT_URI'] ?? '').replace(`s3://${BUCKET}/`, '');
      await store.put(`${prefix}output/metrics.jsonl`, '{"step":1,"loss":1.5}\n');
      pod.log('step 1 loss 1.5');
      pod.log('done');
      return undefined;
    },
  };

  beforeEach(async () => {
    warnings = [];
    standIn = await startKubernetesStandIn();
    standIn.putSecret(NAMESPACE, 'llmops-secrets', {
      S3_ACCESS_KEY: 'access-key',
      S3_SECRET_KEY: 'secret-key',
    });
    dir = await mkdtemp(path.join(tmpdir(), 'k8s-executor-'));
    store = new FsObjectStore({ dir, bucket: BUCKET });
    await store.ensureReady();
  });

  afterEach(async () => {
    await standIn.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends a Job that passes the official schema, with GPUs, placement, secret refs and TTL (stand-in)', async () => {
    let env: Readonly<Record<string, string>> = {};
    standIn.script(() => ({
      run: async (pod) => {
        env = pod.env;
        await uploadRaw(pod, 'llmops-files.json', '{"files":["weights.bin"]}');
        await uploadRaw(pod, 'weights.bin', 'w');
        return undefined;
      },
    }));
    const probe = newRun('run-gpu', {
      resources: { requests: { cpu: '8', memory: '64Gi', 'nvidia.com/gpu': 2 }, limits: { memory: '64Gi' } },
      nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      ttlSecondsAfterFinished: 600,
      activeDeadlineSeconds: 7200,
      env: [
        { name: 'HF_HUB_OFFLINE', value: '1' },
        { name: 'HF_TOKEN', secretKeyRef: { name: 'hf', key: 'token' } },
      ],
    });
    standIn.putSecret(NAMESPACE, 'hf', { token: 'hf_secret' });

    const outcome = await executor().run(probe.run);

    expect(outcome.status).toBe('succeeded');
    const [sent] = standIn.jobs();
    const job = sent!.job;
    expect(() => {
      new Job(job).validate();
    }).not.toThrow();
    expect(job.metadata?.name).toBe(trainingJobName('run-gpu', 1));
    expect(job.metadata?.labels).toMatchObject({ 'llmops.io/run-id': 'run-gpu', 'llmops.io/attempt': '1' });
    expect(job.spec).toMatchObject({
      ttlSecondsAfterFinished: 600,
      backoffLimit: 0,
      activeDeadlineSeconds: 7200,
    });
    const pod = job.spec!.template.spec!;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' });
    expect(pod.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    const container = pod.containers[0]!;
    expect(container.resources).toEqual({
      requests: { cpu: '8', memory: '64Gi', 'nvidia.com/gpu': '2' },
      limits: { memory: '64Gi', 'nvidia.com/gpu': '2' },
    });
    const byName = new Map((container.env ?? []).map((variable) => [variable.name, variable]));
    expect(byName.get('AWS_ACCESS_KEY_ID')?.valueFrom?.secretKeyRef).toEqual({
      name: 'llmops-secrets',
      key: 'S3_ACCESS_KEY',
    });
    expect(byName.get('AWS_SECRET_ACCESS_KEY')?.valueFrom?.secretKeyRef).toEqual({
      name: 'llmops-secrets',
      key: 'S3_SECRET_KEY',
    });
    expect(byName.get('LLMOPS_RUN_TOKEN')?.valueFrom?.secretKeyRef?.name).toBe(`${job.metadata?.name}-token`);
    expect(byName.get('HF_TOKEN')?.valueFrom?.secretKeyRef).toEqual({ name: 'hf', key: 'token' });
    // No credential is ever written into the Job itself.
    expect(JSON.stringify(job)).not.toMatch(/access-key|secret-key|token-of-run-gpu|hf_secret/);
    // …yet the trainer sees them all, resolved by the (stand-in) kubelet.
    expect(env).toMatchObject({
      LLMOPS_RUN_ID: 'run-gpu',
      LLMOPS_METHOD: 'sft',
      LLMOPS_BASE_MODEL: 'Qwen/Qwen2.5-0.5B',
      LLMOPS_OUTPUT_URI: 's3://llmops/runs/run-gpu/',
      LLMOPS_CALLBACK_URL: 'http://training.llmops:3003/v1/training/runs/callback',
      LLMOPS_RUN_TOKEN: 'token-of-run-gpu',
      LLMOPS_S3_ENDPOINT: 'http://minio.llmops:9000',
      LLMOPS_S3_BUCKET: 'llmops',
      AWS_ACCESS_KEY_ID: 'access-key',
      AWS_SECRET_ACCESS_KEY: 'secret-key',
      HF_TOKEN: 'hf_secret',
    });
    expect(JSON.parse(env['LLMOPS_HYPERPARAMETERS'] ?? '')).toEqual({ epochs: 1, learning_rate: 0.0002 });
    expect(JSON.parse(env['LLMOPS_DATASET_URIS'] ?? '')).toEqual(probe.run.io.datasets);
  });

  it('maps a Job that completes to succeeded, with the sealed artifacts and their roles (stand-in)', async () => {
    standIn.script(() => huggingFaceTrainer);
    const probe = newRun('run-ok');

    const outcome = await executor().run(probe.run);

    expect(outcome).toMatchObject({ status: 'succeeded', metrics: {} });
    if (outcome.status !== 'succeeded') return;
    expect(outcome.trainer).toMatch(/^ghcr\.io\/acme\/trainer:1\.0@sha256:[0-9a-f]{64}$/);
    expect(outcome.artifacts.map(({ uri, role }) => [uri, role])).toEqual([
      ['s3://llmops/runs/run-ok/output/config.json', 'config'],
      ['s3://llmops/runs/run-ok/output/metrics.jsonl', 'metrics'],
      ['s3://llmops/runs/run-ok/output/model.safetensors', 'model'],
      ['s3://llmops/runs/run-ok/output/tokenizer.json', 'tokenizer'],
    ]);
    const weights = outcome.artifacts.find((artifact) => artifact.role === 'model');
    expect(weights).toMatchObject({ size: 7, sha256: createHash('sha256').update('weights').digest('hex') });
    // Sealed means the store now verifies reads of it.
    expect((await store.getBuffer('runs/run-ok/output/model.safetensors')).toString()).toBe('weights');
    expect(probe.running).toBe(1);
    expect(probe.logs).toEqual(['loading Qwen/Qwen2.5-0.5B', 'step 1 loss 1.5', 'done']);
  });

  it('maps a Job that fails to failed, with Kubernetes reason, exit code and the last log lines (stand-in)', async () => {
    standIn.script(() => ({
      logs: Array.from({ length: 60 }, (_, index) => `line ${index}`),
      exit: { exitCode: 137, reason: 'OOMKilled' },
    }));
    const probe = newRun('run-oom');

    const outcome = await executor().run(probe.run);

    expect(outcome).toMatchObject({ status: 'failed', code: 'out-of-memory' });
    if (outcome.status !== 'failed') return;
    expect(outcome.reason).toContain('BackoffLimitExceeded');
    expect(outcome.reason).toContain('exited 137 (OOMKilled)');
    expect(outcome.lastLogLines).toHaveLength(50);
    expect(outcome.lastLogLines.at(-1)).toBe('line 59');
    expect(probe.logs).toHaveLength(60);
  });

  it('fails a Job that completes without artifacts (stand-in)', async () => {
    const outcome = await executor().run(newRun('run-empty').run);
    expect(outcome).toMatchObject({ status: 'failed', code: 'no-artifacts' });
  });

  it('cancels: deletes the Job with background propagation and stops its pod (stand-in)', async () => {
    const trainer = gate();
    let stopped = false;
    standIn.script(() => ({
      run: async (pod) => {
        pod.log('training…');
        await trainer.wait(pod.signal);
        stopped = pod.signal.aborted;
        return undefined;
      },
    }));
    const probe = newRun('run-cancel');
    const outcome = executor().run(probe.run);
    await waitFor('running', () => (probe.running > 0 ? true : undefined), { intervalMs: 10 });
    probe.abort.abort(new Error('cancelled by user'));

    expect(await outcome).toEqual({ status: 'cancelled', artifacts: [] });
    const [job] = standIn.jobs();
    expect(job?.deleted).toEqual({ propagationPolicy: 'Background' });
    await waitFor('pod deleted', () => (standIn.jobs()[0]?.pods[0]?.deleted === true ? true : undefined), {
      intervalMs: 10,
    });
    expect(stopped).toBe(true);
    trainer.open();
  });

  it('reattaches after a restart: a new executor picks up the running Job and sees it through (stand-in)', async () => {
    const trainer = gate();
    standIn.script(() => ({
      run: async (pod) => {
        pod.log('epoch 1');
        await trainer.wait(pod.signal);
        await uploadRaw(pod, 'llmops-files.json', '{"files":["model.json","weights.bin","tokenizer.json"]}');
        await uploadRaw(pod, 'model.json', '{}');
        await uploadRaw(pod, 'weights.bin', 'w');
        await uploadRaw(pod, 'tokenizer.json', '{}');
        pod.log('epoch 2');
        return undefined;
      },
    }));
    const before = newRun('run-restart');
    before.run.method = 'lora';
    const first = executor().run(before.run);
    await waitFor('running', () => (before.running > 0 ? true : undefined), { intervalMs: 10 });
    // The service shuts down: the run is detached, not cancelled, and the Job keeps running.
    before.abort.abort('shutdown');
    await expect(first).rejects.toBeInstanceOf(ExecutorDetachedError);
    expect(standIn.jobs()[0]?.deleted).toBeUndefined();

    const after = newRun('run-restart');
    after.run.method = 'lora';
    const restarted = executor();
    expect(await restarted.reattach(newRun('run-never-started').run)).toBeNull();
    const resumed = restarted.reattach(after.run);
    await waitFor('running again', () => (after.running > 0 ? true : undefined), { intervalMs: 10 });
    trainer.open();

    const outcome = await resumed;
    expect(outcome).toMatchObject({ status: 'succeeded' });
    expect(outcome?.status === 'succeeded' ? outcome.artifacts.map((artifact) => artifact.role) : []).toEqual(
      ['adapter', 'tokenizer', 'adapter'], // model.json, tokenizer.json, weights.bin of a lora run
    );
    expect(after.logs).toEqual(['epoch 1', 'epoch 2']);
    expect(standIn.jobs()).toHaveLength(1);
  });

  it('falls back to polling when watches keep failing, and reconnects dropped watches (stand-in)', async () => {
    const trainer = gate();
    standIn.script(() => ({
      run: async (pod) => {
        await trainer.wait(pod.signal);
        await uploadRaw(pod, 'llmops-files.json', '{"files":["weights.bin"]}');
        await uploadRaw(pod, 'weights.bin', 'w');
        return undefined;
      },
    }));
    standIn.failNext({ watch: true, status: 500, times: 3 });
    const probe = newRun('run-poll');
    const outcome = executor().run(probe.run);
    await waitFor(
      'polling',
      () => (warnings.some((warning) => warning.includes('polling instead')) ? true : undefined),
      {
        intervalMs: 10,
      },
    );
    trainer.open();
    expect(await outcome).toMatchObject({ status: 'succeeded' });

    const again = gate();
    standIn.script(() => ({
      run: async (pod) => {
        await again.wait(pod.signal);
        await uploadRaw(pod, 'llmops-files.json', '{"files":["weights.bin"]}');
        await uploadRaw(pod, 'weights.bin', 'w');
        return undefined;
      },
    }));
    const second = newRun('run-reconnect');
    const pending = executor().run(second.run);
    await waitFor('running', () => (second.running > 0 ? true : undefined), { intervalMs: 10 });
    const watchesBefore = standIn.requests().filter((request) => request.watch).length;
    standIn.dropWatches();
    await waitFor(
      'rewatched',
      () => (standIn.requests().filter((request) => request.watch).length > watchesBefore ? true : undefined),
      { intervalMs: 10 },
    );
    again.open();
    expect(await pending).toMatchObject({ status: 'succeeded' });
  });

  it('fails and deletes a Job whose image cannot be pulled (stand-in)', async () => {
    standIn.script(() => ({
      stuck: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope"' },
    }));
    const outcome = await executor({ stuckPendingMs: 150 }).run(newRun('run-pull').run);
    expect(outcome).toMatchObject({ status: 'failed', code: 'image-pull-failed' });
    expect(standIn.jobs()[0]?.deleted).toEqual({ propagationPolicy: 'Background' });
  });

  it('reports invalid settings with their paths', () => {
    const issues = executor({ defaults: {} }).validateSettings({
      command: 'python train.py',
      resources: { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 2 } },
      nodeSelector: { 'bad key!': 'x' },
      tolerations: [{ operator: 'Exists', value: 'x' }],
      s3Credentials: { secretName: 'Bad_Name' },
      env: [{ name: 'LLMOPS_RUN_TOKEN', value: 'x' }],
      gpus: 4,
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'command',
      'env.0.name',
      'gpus',
      'image',
      'nodeSelector.bad key!',
      'resources.limits.nvidia.com/gpu',
      's3Credentials.secretName',
      'tolerations.0.value',
    ]);
    expect(
      executor().validateSettings({ image: 'trainer:1', resources: { limits: { memory: 'lots' } } }),
    ).toEqual([
      { path: 'resources.limits.memory', message: 'must be a Kubernetes quantity such as 500m, 2, 16Gi' },
    ]);
    expect(executor().validateSettings({ image: 'trainer:1' })).toEqual([]);
    expect(executor().validateSettings('trainer:1')).toEqual([
      { path: '(root)', message: 'settings must be an object' },
    ]);
  });
});
