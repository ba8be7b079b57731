import { v7 as uuidv7 } from 'uuid';
import { Topics, type RunCompletedV1 } from '@llmops/contracts';
import { supportDemoCorpus } from '@llmops/model-runtime';
import { PlatformHarness, waitFor } from '@llmops/testing';

/**
 * Event-driven training over the real stack: `dataset-version-created` → training plan → builtin run →
 * `run-completed` with lineage on Kafka, and the plan's cooldown stopping a second firing; a grid sweep
 * that runs its trials and records the best run.
 */

interface Run {
  id: string;
  status: string;
  trigger: { kind: string; planId?: string };
  lineage: RunCompletedV1['lineage'];
}

describe('training plans and sweeps (real stack)', () => {
  const h = new PlatformHarness({ TRAINING_POLL_MS: '200', INGESTION_POLL_MS: '200' });
  const datasetName = `plans-${uuidv7().slice(-8)}`;
  let datasetId = '';

  const body =
    supportDemoCorpus()
      .train.map((e) => JSON.stringify(e))
      .join('\n') + '\n';
  const upload = async (extra: string) =>
    fetch(`${h.service('ingestion').url}/v1/datasets/${datasetId}/uploads?fileName=s.jsonl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/x-ndjson' },
      body:
        body + JSON.stringify({ prompt: `Extra question ${extra}?`, completion: ' An extra answer.' }) + '\n',
    });
  const runs = async () => (await h.request<Run[]>('training', 'GET', '/v1/training/runs')).body;

  beforeAll(async () => {
    await h.init('training-plans');
    await Promise.all([h.start('ingestion'), h.start('training')]);
    datasetId = (await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', { name: datasetName }))
      .body.id;
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('a dataset version fires the plan: builtin run → run-completed with lineage; the cooldown blocks a second firing', async () => {
    const plan = await h.request<{ id: string }>(
      'training',
      'POST',
      '/v1/training/plans',
      {
        name: `sft-${uuidv7().slice(-8)}`,
        trigger: { kind: 'dataset-version', datasetName },
        runTemplate: {
          baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
          method: 'sft',
          hyperparameters: { epochs: 1 },
          modelName: 'support-bot',
        },
        cooldownSeconds: 3600,
      },
      'ml-engineer',
    );
    expect(plan.status).toBe(201);
    expect((await upload('one')).status).toBe(202);

    const run = await waitFor(
      'the plan to start a run',
      async () => (await runs()).find((r) => r.trigger.kind === 'plan'),
      {
        timeoutMs: 60_000,
      },
    );
    expect(run.trigger).toMatchObject({ kind: 'plan', planId: plan.body.id });
    const completed = await waitFor(
      'run-completed',
      async () => {
        const events = (await h.readTopic(Topics.runCompleted, 1)).map(
          (m) => JSON.parse(m.value) as RunCompletedV1,
        );
        return events.find((e) => e.runId === run.id);
      },
      { timeoutMs: 90_000 },
    );
    expect(completed).toMatchObject({
      modelName: 'support-bot',
      trigger: { kind: 'plan', planId: plan.body.id },
      lineage: { datasets: [{ datasetId, version: 1, split: 'train' }], method: 'sft', executor: 'builtin' },
    });

    expect((await upload('two')).status).toBe(202);
    await waitFor(
      'version 2 in the catalogue',
      async () => {
        const res = await h.request<unknown[]>(
          'training',
          'GET',
          `/v1/training/datasets/${datasetId}/versions`,
        );
        return res.body.length === 2 ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect((await runs()).filter((r) => r.trigger.kind === 'plan')).toHaveLength(1);
  });

  it('a grid sweep runs every trial and records the best run', async () => {
    const versionId = (
      await h.request<{ versionId: string }[]>(
        'training',
        'GET',
        `/v1/training/datasets/${datasetId}/versions`,
      )
    ).body[0]!.versionId;
    const sweep = await h.request<{ id: string }>(
      'training',
      'POST',
      '/v1/training/sweeps',
      {
        name: 'lr grid',
        runTemplate: {
          baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
          datasets: [{ versionId }],
          method: 'continued-pretraining',
          hyperparameters: { epochs: 1 },
        },
        sweep: {
          search: {
            kind: 'grid',
            space: { learningRate: { values: [0.0005, 0.005] } },
            maxTrials: 2,
            parallelism: 1,
            seed: 1,
          },
          objective: { metric: 'train_loss', direction: 'minimize', source: 'run' },
        },
      },
      'ml-engineer',
    );
    expect(sweep.status).toBe(201);
    const done = await waitFor(
      'the sweep to finish',
      async () => {
        const s = await h.request<{
          status: string;
          bestRunId: string | null;
          trials: { status: string; objective: number | null; runId: string }[];
        }>('training', 'GET', `/v1/training/sweeps/${sweep.body.id}`);
        return s.body.status === 'finished' ? s.body : undefined;
      },
      { timeoutMs: 120_000 },
    );
    expect(done.trials).toHaveLength(2);
    expect(done.trials.every((t) => t.status === 'succeeded')).toBe(true);
    const best = [...done.trials].sort((a, b) => (a.objective ?? Infinity) - (b.objective ?? Infinity))[0];
    expect(done.bestRunId).toBe(best?.runId);
  });
});
