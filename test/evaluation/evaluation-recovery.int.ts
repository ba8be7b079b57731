import { v7 as uuidv7 } from 'uuid';
import { Topics, type EvaluationFailedV1, type ModelArtifact } from '@llmops/contracts';
import { loadBuiltinBase, saveModel, supportDemoCorpus } from '@llmops/model-runtime';
import { PlatformHarness, waitFor } from '@llmops/testing';
import { stackStore } from '../ingestion/ingestion-fixture';

/**
 * Killing the evaluation service mid-evaluation never leaves the evaluation stuck in `running`: after the
 * restart its stale heartbeat hands it to the new process as attempt 2; killed on its last attempt, it
 * fails with `EVAL_LOST` and `evaluation-failed`. The model is registered by producing
 * `model-version-registered` the way the registry does, with real builtin model files in S3.
 */

interface Evaluation {
  id: string;
  status: string;
  attempt: number;
  error: { code: string } | null;
}

describe('evaluation recovery (real stack)', () => {
  const h = new PlatformHarness({
    INGESTION_POLL_MS: '200',
    EVALUATION_POLL_MS: '200',
    EVALUATION_STALE_AFTER_MS: '3000',
    EVALUATION_MAX_ATTEMPTS: '2',
  });
  const store = stackStore(h.stack);
  const suffix = uuidv7().slice(-8);
  const modelName = `recovery-bot-${suffix}`;
  const suiteName = `long-suite-${suffix}`;

  const evaluation = async (id: string) =>
    (await h.request<Evaluation>('evaluation', 'GET', `/v1/evaluations/${id}`)).body;

  async function killWhileRunning(id: string, attempt: number): Promise<void> {
    await waitFor(
      `attempt ${String(attempt)} to be running`,
      async () => {
        const e = await evaluation(id);
        return e.status === 'running' && e.attempt === attempt ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
    await h.service('evaluation').kill('SIGKILL');
    await h.start('evaluation');
  }

  beforeAll(async () => {
    await h.init('evaluation-recovery');
    await Promise.all([h.start('ingestion'), h.start('evaluation')]);
    const datasetName = `recovery-${suffix}`;
    const ds = await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', { name: datasetName });
    const body = supportDemoCorpus()
      .train.map((e, i) => JSON.stringify({ id: `q${String(i)}`, ...e }))
      .join('\n');
    const upload = await fetch(
      `${h.service('ingestion').url}/v1/datasets/${ds.body.id}/uploads?fileName=s.jsonl&train=0.5&validation=0&test=0.5`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/x-ndjson' },
        body,
      },
    );
    expect(upload.status).toBe(202);
    // A long suite: every probe set, long answers (the base model rarely stops early).
    await waitFor(
      'the suite to be accepted (dataset known to evaluation)',
      async () => {
        const res = await h.request(
          'evaluation',
          'POST',
          '/v1/evaluations/suites',
          {
            name: suiteName,
            datasets: [{ dataset: datasetName }],
            metrics: ['rougeL'],
            probes: ['toxicity', 'pii-leakage', 'prompt-injection', 'refusal', 'counterfactual-bias'],
            generation: { maxTokens: 1024 },
          },
          'ml-engineer',
        );
        return res.status === 201 ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
    // The registry's announcement of a builtin model whose files are in S3.
    const artifacts: ModelArtifact[] = [];
    for (const file of saveModel(await loadBuiltinBase('tiny-mlp-en')).files) {
      const stored = await store.put(`models/${modelName}/1/${file.name}`, Buffer.from(file.bytes));
      artifacts.push({ uri: stored.uri, sha256: stored.sha256, size: stored.size, role: file.role });
    }
    await h.produce(Topics.modelVersionRegistered, {
      modelId: uuidv7(),
      modelName,
      versionId: uuidv7(),
      version: 1,
      format: 'builtin',
      artifacts,
      baseModel: null,
      method: null,
      datasets: [],
      metrics: {},
      tags: {},
      source: { kind: 'manual' },
      registeredBy: { subject: 'registry', kind: 'service', roles: ['service'] },
      registeredAt: new Date().toISOString(),
    });
    await waitFor(
      'evaluation to know the model',
      async () => {
        const res = await h.request<unknown[]>(
          'evaluation',
          'GET',
          `/v1/evaluations/models/${modelName}/versions`,
        );
        return res.body.length === 1 ? true : undefined;
      },
      { timeoutMs: 30_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await h.stopAll();
  });

  const start = async (): Promise<string> => {
    const res = await h.request<Evaluation>(
      'evaluation',
      'POST',
      '/v1/evaluations',
      { suite: { name: suiteName }, candidate: { kind: 'model-version', modelName, version: 1 } },
      'ml-engineer',
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };

  it('an evaluation killed mid-run is taken over after the restart and completes as attempt 2', async () => {
    const id = await start();
    await killWhileRunning(id, 1);
    const done = await waitFor(
      'the evaluation to finish',
      async () => {
        const e = await evaluation(id);
        return e.status === 'succeeded' || e.status === 'failed' ? e : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
    expect(done).toMatchObject({ status: 'succeeded', attempt: 2, error: null });
  }, 300_000);

  it('killed on its last attempt, it fails with EVAL_LOST instead of hanging', async () => {
    const id = await start();
    await killWhileRunning(id, 1);
    await killWhileRunning(id, 2);
    const failed = await waitFor(
      'evaluation-failed',
      async () =>
        (await h.readTopic(Topics.evaluationFailed, 1, 60_000))
          .map((m) => JSON.parse(m.value) as EvaluationFailedV1)
          .find((e) => e.evaluationId === id),
      { timeoutMs: 120_000 },
    );
    expect(failed.error).toMatchObject({ code: 'EVAL_LOST', retryable: false });
    expect(await evaluation(id)).toMatchObject({
      status: 'failed',
      attempt: 2,
      error: { code: 'EVAL_LOST' },
    });
  }, 300_000);
});
