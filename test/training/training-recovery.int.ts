import { v7 as uuidv7 } from 'uuid';
import { supportDemoCorpus } from '@llmops/model-runtime';
import { PlatformHarness, waitFor } from '@llmops/testing';

/**
 * Killing the training service mid-run never leaves the run stuck in `running`: after the restart the
 * reconciler queues a builtin run again (a new attempt) and it completes; with no attempts left it fails
 * with a reason.
 */

interface Run {
  id: string;
  status: string;
  attempt: number;
  error: { code: string; message: string } | null;
}

describe('training recovery (real stack)', () => {
  const h = new PlatformHarness({
    TRAINING_POLL_MS: '200',
    INGESTION_POLL_MS: '200',
    TRAINING_MAX_ATTEMPTS: '2',
  });
  let versionId = '';

  const run = async (id: string) => (await h.request<Run>('training', 'GET', `/v1/training/runs/${id}`)).body;

  beforeAll(async () => {
    await h.init('training-recovery');
    await Promise.all([h.start('ingestion'), h.start('training')]);
    const ds = await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', {
      name: `rec-${uuidv7().slice(-8)}`,
    });
    const body =
      supportDemoCorpus()
        .train.map((e) => JSON.stringify(e))
        .join('\n') + '\n';
    await fetch(`${h.service('ingestion').url}/v1/datasets/${ds.body.id}/uploads?fileName=s.jsonl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    versionId = await waitFor(
      'the catalog',
      async () => {
        const res = await h.request<{ versionId: string }[]>(
          'training',
          'GET',
          `/v1/training/datasets/${ds.body.id}/versions`,
        );
        return res.status === 200 && res.body[0] ? res.body[0].versionId : undefined;
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await h.stopAll();
  });

  async function killWhileRunning(id: string): Promise<void> {
    await waitFor(
      'the run to be running',
      async () => ((await run(id)).status === 'running' ? true : undefined),
      {
        timeoutMs: 60_000,
      },
    );
    await h.service('training').kill('SIGKILL');
    await h.start('training');
  }

  it('a builtin run killed mid-training is re-queued after the restart and completes as attempt 2', async () => {
    const created = await h.request<Run>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
      datasets: [{ versionId }],
      method: 'continued-pretraining',
      hyperparameters: { epochs: 3 },
    });
    expect(created.status).toBe(201);
    await killWhileRunning(created.body.id);
    const done = await waitFor(
      'the run to finish',
      async () => {
        const r = await run(created.body.id);
        return ['succeeded', 'failed'].includes(r.status) ? r : undefined;
      },
      { timeoutMs: 120_000 },
    );
    expect(done).toMatchObject({ status: 'succeeded', attempt: 2 });

    // Attempt 2 is the last: killed again, it fails with a reason instead of hanging.
    const second = await h.request<Run>('training', 'POST', '/v1/training/runs', {
      baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
      datasets: [{ versionId }],
      method: 'continued-pretraining',
      hyperparameters: { epochs: 30 },
    });
    await killWhileRunning(second.body.id);
    await killWhileRunning(second.body.id);
    const failed = await waitFor(
      'the run to fail',
      async () => {
        const r = await run(second.body.id);
        return r.status === 'failed' ? r : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(failed.error?.code).toBe('LOST_ON_RESTART');
  });
});
