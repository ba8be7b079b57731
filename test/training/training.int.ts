import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type RunCompletedV1 } from '@llmops/contracts';
import { supportDemoCorpus } from '@llmops/model-runtime';
import { PlatformHarness, waitFor } from '@llmops/testing';
import { stackStore } from '../ingestion/ingestion-fixture';

/**
 * Training over the real stack: a dataset version announced by ingestion → a builtin fine-tuning run in
 * the training service's worker thread → model files in S3 → run-started / run-progressed / run-completed
 * on Kafka with full lineage; bad run specs are refused with 422 naming every field.
 */

interface Run {
  id: string;
  status: string;
  attempt: number;
  metrics: Record<string, number>;
  artifacts: { uri: string; sha256: string; size: number; role: string }[];
  error: { code: string; message: string } | null;
  lineage: RunCompletedV1['lineage'];
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

describe('training (real stack)', () => {
  const stub = path.resolve(__dirname, '../../tools/trainer-stub/trainer_stub.py');
  const h = new PlatformHarness({
    TRAINING_POLL_MS: '200',
    TRAINING_PROGRESS_INTERVAL_MS: '0',
    INGESTION_POLL_MS: '200',
    TRAINING_PROCESS_COMMANDS: JSON.stringify({ stub: ['python3', stub] }),
  });
  const store = stackStore(h.stack);
  let versionId = '';
  let datasetId = '';

  const run = async (id: string) => (await h.request<Run>('training', 'GET', `/v1/training/runs/${id}`)).body;
  const finished = (id: string) =>
    waitFor(
      `run ${id}`,
      async () => {
        const r = await run(id);
        return ['succeeded', 'failed', 'cancelled'].includes(r.status) ? r : undefined;
      },
      { timeoutMs: 120_000 },
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)}\n--- training output ---\n${h.service('training').output().slice(-3000)}`,
      );
    });

  beforeAll(async () => {
    await h.init('training');
    await Promise.all([h.start('ingestion'), h.start('training')]);
    const ds = await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', {
      name: `support-${uuidv7().slice(-8)}`,
    });
    datasetId = ds.body.id;
    const corpus = supportDemoCorpus();
    const body = corpus.train.map((e, i) => JSON.stringify({ id: `q${String(i)}`, ...e })).join('\n') + '\n';
    const upload = await fetch(
      `${h.service('ingestion').url}/v1/datasets/${datasetId}/uploads?fileName=support.jsonl&train=0.9&validation=0.1&test=0`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/x-ndjson' },
        body,
      },
    );
    expect(upload.status).toBe(202);
    versionId = await waitFor(
      "the version in training's catalog",
      async () => {
        const res = await h.request<{ versionId: string }[]>(
          'training',
          'GET',
          `/v1/training/datasets/${datasetId}/versions`,
        );
        return res.status === 200 && res.body[0] ? res.body[0].versionId : undefined;
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('dataset version → builtin SFT run → model files in S3 → run-completed with lineage on Kafka', async () => {
    const created = await h.request<Run>(
      'training',
      'POST',
      '/v1/training/runs',
      {
        name: 'support sft',
        baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
        datasets: [{ versionId }],
        method: 'sft',
        hyperparameters: { epochs: 2, learningRate: 0.003 },
      },
      'ml-engineer',
    );
    expect(created.status).toBe(201);
    const done = await finished(created.body.id);
    expect(done).toMatchObject({ status: 'succeeded', attempt: 1 });
    expect(done.metrics['train_loss']).toBeGreaterThan(0);
    const roles = done.artifacts.map((a) => a.role).sort();
    expect(roles).toEqual(expect.arrayContaining(['config', 'metrics', 'model', 'tokenizer']));
    for (const artifact of done.artifacts) {
      const stat = await store.stat(artifact.uri.replace(/^s3:\/\/[^/]+\//, ''));
      expect(stat).toMatchObject({ sha256: artifact.sha256, size: artifact.size });
    }

    const completed = (await h.readTopic(Topics.runCompleted, 1)).map(
      (m) => JSON.parse(m.value) as RunCompletedV1,
    );
    const event = completed.find((e) => e.runId === created.body.id);
    expect(event).toMatchObject({
      modelFormat: 'builtin',
      lineage: {
        datasets: [{ datasetId, versionId, split: 'train' }],
        baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
        method: 'sft',
        executor: 'builtin',
      },
    });
    expect(event?.lineage.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await h.readTopic(Topics.runStarted, 1)).length).toBeGreaterThan(0);
    expect((await h.readTopic(Topics.runProgressed, 1)).length).toBeGreaterThan(0);
    const metrics = await h.request<{ name: string }[]>(
      'training',
      'GET',
      `/v1/training/runs/${created.body.id}/metrics?name=loss`,
    );
    expect(metrics.body.length).toBeGreaterThan(0);
  });

  it('refuses unknown dataset versions and bad hyperparameters with 422 naming every field', async () => {
    const unknown = await h.request<Problem>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
      datasets: [{ versionId: uuidv7() }],
      method: 'sft',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('UNKNOWN_DATASET_VERSION');

    const bad = await h.request<Problem>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
      datasets: [{ versionId }],
      method: 'lora',
      hyperparameters: { learningRate: -1, epochs: 'many', loraRnak: 4 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('INVALID_HYPERPARAMETERS');
    const paths = (bad.body.errors ?? []).map((e) => e.path).sort();
    expect(paths).toEqual([
      'hyperparameters.epochs',
      'hyperparameters.learningRate',
      'hyperparameters.loraRnak',
    ]);
  });

  it('cancels a queued run and retries it', async () => {
    const a = await h.request<Run>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
      datasets: [{ versionId }],
      method: 'continued-pretraining',
      hyperparameters: { epochs: 50 },
    });
    const b = await h.request<Run>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
      datasets: [{ versionId }],
      method: 'continued-pretraining',
      hyperparameters: { epochs: 1 },
    });
    // One builtin run at a time: b waits in the queue behind a.
    const cancelledB = await h.request<Run>('training', 'POST', `/v1/training/runs/${b.body.id}/cancel`);
    expect(cancelledB.body.status).toBe('cancelled');
    await waitFor('a to run', async () => ((await run(a.body.id)).status === 'running' ? true : undefined), {
      timeoutMs: 60_000,
    });
    await h.request('training', 'POST', `/v1/training/runs/${a.body.id}/cancel`);
    expect((await finished(a.body.id)).status).toBe('cancelled');
    const retried = await h.request<Run>('training', 'POST', `/v1/training/runs/${b.body.id}/retry`);
    expect(retried.status).toBe(202);
    expect(await finished(b.body.id)).toMatchObject({ status: 'succeeded', attempt: 1 });
  });

  it('the same through the process executor (the protocol with a torch-free trainer stub)', async () => {
    const created = await h.request<Run>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'huggingface', repoId: 'sshleifer/tiny-gpt2', revision: null },
      datasets: [{ versionId }],
      method: 'lora',
      hyperparameters: { learningRate: 0.0002, loraRank: 8 },
      executor: { kind: 'process', settings: { command: 'stub' } },
    });
    expect(created.status).toBe(201);
    const done = await finished(created.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.artifacts.some((a) => a.role === 'adapter' || a.role === 'model')).toBe(true);
    expect(done.lineage.trainer).toMatch(/^stub@.* sha256:[0-9a-f]{64}$/); // the stub's version line and its script's hash
    const completed = (await h.readTopic(Topics.runCompleted, 2)).map(
      (m) => JSON.parse(m.value) as RunCompletedV1,
    );
    expect(completed.find((e) => e.runId === created.body.id)).toMatchObject({
      lineage: { executor: 'process', method: 'lora', baseModel: { kind: 'huggingface' } },
    });
  });

  it('a crashing trainer ends the run failed with its last log lines, artifacts kept', async () => {
    const created = await h.request<Run & { lastLogLines: string[] }>(
      'training',
      'POST',
      '/v1/training/runs',
      {
        baseModel: { kind: 'huggingface', repoId: 'sshleifer/tiny-gpt2', revision: null },
        datasets: [{ versionId }],
        method: 'sft',
        executor: { kind: 'process', settings: { command: 'stub', env: { LLMOPS_STUB_FAIL: '1' } } },
      },
    );
    const done = (await finished(created.body.id)) as Run & { lastLogLines: string[] };
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('TRAINER_EXITED');
    expect(done.lastLogLines.join('\n')).toContain('simulated failure');
    expect(done.artifacts.length).toBeGreaterThan(0);

    const notAllowed = await h.request<Problem>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'huggingface', repoId: 'sshleifer/tiny-gpt2', revision: null },
      datasets: [{ versionId }],
      method: 'sft',
      executor: { kind: 'process', settings: { command: 'rm' } },
    });
    expect(notAllowed.status).toBe(422);
    expect(notAllowed.body.code).toBe('INVALID_EXECUTOR_SETTINGS');
  });
});
