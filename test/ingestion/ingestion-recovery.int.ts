import { v7 as uuidv7 } from 'uuid';
import { freePort, PlatformHarness, waitFor } from '@llmops/testing';
import { gzipSync, jsonl, paragraph } from './ingestion-fixture';

/**
 * Ingestion jobs survive their worker: a job whose process is killed mid-build is found by its stale
 * heartbeat after a restart and built again; an unreachable source fails with a clear code.
 */

interface Job {
  id: string;
  status: string;
  attempts: number;
  error: { code: string; message: string } | null;
}

describe('ingestion recovery (real stack)', () => {
  const h = new PlatformHarness({ INGESTION_POLL_MS: '200', INGESTION_JOB_STALE_MS: '2000' });
  let datasetId = '';

  const job = async (id: string) =>
    (await h.request<Job>('ingestion', 'GET', `/v1/datasets/${datasetId}/jobs/${id}`)).body;

  beforeAll(async () => {
    await h.init('ingestion-recovery');
    await h.start('ingestion');
    const ds = await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', {
      name: `recovery-${uuidv7().slice(-8)}`,
    });
    datasetId = ds.body.id;
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('a job whose service is killed mid-build is rebuilt after the restart, never stuck in running', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => ({ id: `r${String(i)}`, text: paragraph(i) }));
    const recipe = await h.request<{ name: string }>('ingestion', 'POST', '/v1/recipes', {
      name: `slow-${uuidv7().slice(-6)}`,
      body: { steps: [{ type: 'filter-quality' }, { type: 'dedup-exact' }, { type: 'dedup-near' }] },
    });
    const res = await fetch(
      `${h.service('ingestion').url}/v1/datasets/${datasetId}/uploads?fileName=big.jsonl.gz&recipe=${recipe.body.name}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/gzip' },
        body: gzipSync(Buffer.from(jsonl(rows))),
      },
    );
    expect(res.status).toBe(202);
    const queued = (await res.json()) as Job;
    await waitFor('the job to start', async () =>
      (await job(queued.id)).status === 'running' ? true : undefined,
    );

    await h.service('ingestion').kill('SIGKILL');
    await h.start('ingestion');

    const done = await waitFor(
      'the job to finish after the restart',
      async () => {
        const j = await job(queued.id);
        return j.status === 'succeeded' || j.status === 'failed' ? j : undefined;
      },
      { timeoutMs: 120_000 },
    );
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
    const versions = await h.request<{ counts: { total: number } }[]>(
      'ingestion',
      'GET',
      `/v1/datasets/${datasetId}/versions`,
    );
    expect(versions.body).toHaveLength(1);
  });

  it('an unreachable HTTP source fails its job with a clear code and no version', async () => {
    const closedPort = await freePort(); // free now, so nothing listens on it
    const source = await h.request<{ id: string }>('ingestion', 'POST', '/v1/sources', {
      name: `down-${uuidv7().slice(-8)}`,
      kind: 'http',
      config: { url: `http://127.0.0.1:${String(closedPort)}/data.jsonl`, timeoutMs: 2000 },
      datasetId,
    });
    expect(source.status).toBe(201);
    const run = await h.request<Job>('ingestion', 'POST', `/v1/sources/${source.body.id}/runs`);
    const done = await waitFor('the run to fail', async () => {
      const j = await job(run.body.id);
      return j.status === 'failed' ? j : undefined;
    });
    expect(done.error?.code).toMatch(/^INGESTION_(CONNECT_FAILED|URL_UNREACHABLE)$/);
    expect(done.error?.message).toContain(`127.0.0.1:${String(closedPort)}`);
  });
});
