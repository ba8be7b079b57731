import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type DatasetVersionCreatedV1, type DatasetVersionFailedV1 } from '@llmops/contracts';
import { PlatformHarness, waitFor } from '@llmops/testing';
import { gzipSync, jsonl, paragraph, readVersionRecords, stackStore } from './ingestion-fixture';

/**
 * Ingestion over the real stack: uploads, S3/git/Kafka sources and labeling exports become cleaned,
 * split, content-addressed versions in S3, announced on Kafka; bad input fails clearly and leaves no
 * partial version.
 */

interface Job {
  id: string;
  status: string;
  versionId: string;
  report: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
}
interface Problem {
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe('ingestion (real stack)', () => {
  const h = new PlatformHarness({ INGESTION_POLL_MS: '200' });
  const store = stackStore(h.stack);
  let datasetId = '';
  const versions: DatasetVersionCreatedV1[] = [];

  async function upload(fileName: string, body: Buffer | string, contentType: string, query = '') {
    const res = await fetch(
      `${h.service('ingestion').url}/v1/datasets/${datasetId}/uploads?fileName=${fileName}${query}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': contentType },
        body,
      },
    );
    return { status: res.status, body: (await res.json()) as Job & Problem };
  }

  async function finished(jobId: string, ds = datasetId): Promise<Job> {
    return waitFor<Job>(
      `job ${jobId}`,
      async () => {
        const res = await h.request<Job>('ingestion', 'GET', `/v1/datasets/${ds}/jobs/${jobId}`);
        return res.body.status === 'succeeded' || res.body.status === 'failed' ? res.body : undefined;
      },
      { timeoutMs: 60_000 },
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)}\n--- ingestion output ---\n${h.service('ingestion').output().slice(-4000)}`,
      );
    });
  }

  async function version(n: number, ds = datasetId): Promise<DatasetVersionCreatedV1> {
    const res = await h.request<DatasetVersionCreatedV1>(
      'ingestion',
      'GET',
      `/v1/datasets/${ds}/versions/${n}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    await h.init('ingestion');
    await store.ensureReady();
    await h.start('ingestion');
    const ds = await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', {
      name: `support-${uuidv7().slice(-8)}`,
    });
    datasetId = ds.body.id;
    const recipe = await h.request('ingestion', 'POST', '/v1/recipes', {
      name: `web-clean-${uuidv7().slice(-6)}`,
      body: {
        steps: [
          { type: 'normalize-unicode' },
          { type: 'normalize-whitespace' },
          { type: 'filter-length', minWords: 5 },
          { type: 'redact-pii' },
          { type: 'dedup-exact' },
          { type: 'dedup-near', threshold: 0.8 },
        ],
      },
    });
    expect(recipe.status).toBe(201);
    recipeName = (recipe.body as { name: string }).name;
  });
  let recipeName = '';

  afterAll(async () => {
    await h.stopAll();
  });

  it('upload → cleaned, split version in S3 → dataset-version-created on Kafka', async () => {
    const rows: unknown[] = [];
    for (let i = 0; i < 60; i++) rows.push({ id: `r${i}`, text: paragraph(i) });
    rows.push({ id: 'dup', text: paragraph(1) }); // exact duplicate of r1
    rows.push({ id: 'near', text: `${paragraph(2)} Indeed.` }); // near duplicate of r2
    rows.push({
      id: 'pii',
      text: `${paragraph(70)} Write to jane.doe@example.com or call +44 20 7946 0958.`,
    });
    rows.push({ id: 'short', text: 'too short' });
    const body = jsonl(rows).replace('\n', '\n{"id": "broken", "text": \n'); // line 2 is malformed
    const res = await upload('support.jsonl', body, 'application/x-ndjson', `&recipe=${recipeName}`);
    expect(res.status).toBe(202);
    const job = await finished(res.body.id);
    expect(job).toMatchObject({ status: 'succeeded' });

    const v = await version(1);
    versions.push(v);
    expect(v.counts.total).toBe(61); // 64 well-formed rows − dup − near − short
    expect(v.counts.train + v.counts.validation + v.counts.test).toBe(61);
    expect(v.profileSummary.droppedByReason).toMatchObject({ 'invalid-json': 1 });
    expect(v.origin).toMatchObject({ kind: 'source', sourceKind: 'upload' });
    expect(v.recipe).toMatchObject({ version: 1 });

    const records = await readVersionRecords(store, v.manifest.uri);
    expect(records).toHaveLength(61);
    const ids = records.map((r) => r.record.id);
    expect(ids).not.toContain('dup');
    expect(ids).not.toContain('near');
    const pii = records.find((r) => r.record.id === 'pii');
    expect(JSON.stringify(pii)).not.toContain('jane.doe@example.com');
    expect(JSON.stringify(pii)).toContain('[EMAIL]');
    expect((await store.getBuffer(v.dataCard!.uri.replace(/^s3:\/\/[^/]+\//, ''))).toString()).toContain(
      '# Data card',
    );

    const events = await h.readTopic(Topics.datasetVersionCreated, 1);
    const announced = events.map((e) => JSON.parse(e.value) as DatasetVersionCreatedV1);
    expect(announced.find((e) => e.versionId === v.versionId)).toMatchObject({ version: 1, datasetId });
  });

  it('refuses bad uploads clearly and leaves no partial version', async () => {
    const png = await upload('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'application/octet-stream');
    expect(png.status).toBe(415);
    expect(png.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const empty = await upload('empty.jsonl', '', 'application/x-ndjson');
    expect(empty.status).toBe(422);

    const bomb = await upload(
      'bomb.jsonl.gz',
      gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)),
      'application/gzip',
    );
    expect(bomb.status).toBe(202);
    const job = await finished(bomb.body.id);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('INGESTION_GZIP_RATIO_EXCEEDED');
    expect(await store.listAll(`datasets/${datasetId}/${job.versionId}/`)).toEqual([]);
    const failed = await h.readTopic(Topics.datasetVersionFailed, 1);
    expect(failed.map((e) => (JSON.parse(e.value) as DatasetVersionFailedV1).jobId)).toContain(job.id);
    const list = await h.request<unknown[]>('ingestion', 'GET', `/v1/datasets/${datasetId}/versions`);
    expect(list.body).toHaveLength(1);
  });

  it('S3 prefix source → version', async () => {
    const prefix = `imports/${uuidv7()}/`;
    await store.put(
      `${prefix}a.jsonl`,
      Buffer.from(jsonl([{ text: paragraph(100) }, { text: paragraph(101) }])),
    );
    await store.put(`${prefix}b.csv`, Buffer.from(`text\n"${paragraph(102)}"\n`));
    const source = await h.request<{ id: string }>('ingestion', 'POST', '/v1/sources', {
      name: `s3-${uuidv7().slice(-8)}`,
      kind: 's3',
      config: { prefix },
      datasetId,
    });
    expect(source.status).toBe(201);
    const run = await h.request<Job>('ingestion', 'POST', `/v1/sources/${source.body.id}/runs`);
    expect(run.status).toBe(202);
    expect(await finished(run.body.id)).toMatchObject({ status: 'succeeded' });
    const v = await version(2);
    expect(v.counts.total).toBe(3);
    expect(v.origin).toMatchObject({ kind: 'source', sourceKind: 's3' });
  });

  it('git source (a local repository, files by glob) → version', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'llmops-git-'));
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'README.md'), `# Demo\n\n${paragraph(200)}\n`);
    await writeFile(path.join(dir, 'src', 'app.ts'), `// ${paragraph(201)}\nexport const answer = 42;\n`);
    await writeFile(path.join(dir, 'logo.bin'), Buffer.from([0, 1, 2, 3]));
    await git.init({ fs, dir });
    for (const file of ['README.md', 'src/app.ts', 'logo.bin']) await git.add({ fs, dir, filepath: file });
    await git.commit({ fs, dir, message: 'init', author: { name: 'test', email: 'test@example.com' } });
    const source = await h.request<{ id: string }>('ingestion', 'POST', '/v1/sources', {
      name: `git-${uuidv7().slice(-8)}`,
      kind: 'git',
      config: { path: dir, include: ['**/*.md', '**/*.ts'] },
      datasetId,
    });
    expect(source.status).toBe(201);
    const run = await h.request<Job>('ingestion', 'POST', `/v1/sources/${source.body.id}/runs`);
    expect(await finished(run.body.id)).toMatchObject({ status: 'succeeded' });
    const v = await version(3);
    expect(v.counts.total).toBe(2);
    const records = await readVersionRecords(store, v.manifest.uri);
    expect(JSON.stringify(records)).toContain('answer = 42');
  });

  it('Kafka topic source: records batched into a version by the size policy, redeliveries ignored', async () => {
    const source = await h.request<{ id: string }>('ingestion', 'POST', '/v1/sources', {
      name: `kafka-${uuidv7().slice(-8)}`,
      kind: 'kafka',
      datasetId,
      batchPolicy: { maxRecords: 4, maxWaitSeconds: 3600 },
    });
    expect(source.status).toBe(201);
    for (let i = 0; i < 4; i++) {
      const data = {
        sourceId: source.body.id,
        recordId: `k${i}`,
        record: {
          kind: 'prompt-completion' as const,
          prompt: `Question ${i}?`,
          completion: paragraph(300 + i),
        },
        provenance: { producer: 'crm-exporter' },
        producedAt: new Date().toISOString(),
      };
      await h.produce(Topics.records, data);
      if (i === 0) await h.produce(Topics.records, data); // redelivered by the producer
    }
    const v = await waitFor(
      'kafka batch version',
      async () => {
        const res = await h.request<DatasetVersionCreatedV1>(
          'ingestion',
          'GET',
          `/v1/datasets/${datasetId}/versions/4`,
        );
        return res.status === 200 ? res.body : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(v.counts.total).toBe(4);
    expect(v.recordShape).toBe('prompt-completion');
    expect(v.origin).toMatchObject({ kind: 'source', sourceKind: 'kafka' });
  });

  it('labeling export-completed → a new version with the labeled version as parent', async () => {
    const key = `labeling/${uuidv7()}/exports/e1.jsonl.gz`;
    const rows = [0, 1, 2].map((i) => ({
      prompt: `Label ${i}?`,
      chosen: paragraph(400 + i),
      rejected: 'no idea',
    }));
    const file = await store.put(key, gzipSync(Buffer.from(jsonl(rows))));
    const v1 = versions[0]!;
    await h.produce(Topics.exportCompleted, {
      projectId: uuidv7(),
      exportId: uuidv7(),
      format: 'preference',
      file: { uri: file.uri, sha256: file.sha256, size: file.size },
      counts: { records: 3, annotations: 6, skippedTasks: 0 },
      agreement: null,
      sourceDatasetVersion: { datasetId, versionId: v1.versionId, version: 1 },
      completedAt: new Date().toISOString(),
    });
    const v = await waitFor(
      'labeling version',
      async () => {
        const res = await h.request<DatasetVersionCreatedV1>(
          'ingestion',
          'GET',
          `/v1/datasets/${datasetId}/versions/5`,
        );
        return res.status === 200 ? res.body : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(v.counts.total).toBe(3);
    expect(v.recordShape).toBe('preference');
    expect(v.parents).toEqual([{ datasetId, versionId: v1.versionId, version: 1 }]);
    expect(v.origin).toMatchObject({ kind: 'labeling-export' });
  });

  it('contamination report, decontaminated derivation and diff', async () => {
    const v1 = versions[0]!;
    // The evaluation set: a dataset whose test split repeats one of v1's records.
    const evalDs = await h.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', {
      name: `eval-${uuidv7().slice(-8)}`,
    });
    const evalUpload = await fetch(
      `${h.service('ingestion').url}/v1/datasets/${evalDs.body.id}/uploads?fileName=eval.jsonl&train=0&validation=0&test=1`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/x-ndjson' },
        body: jsonl([
          { text: paragraph(5) },
          { text: 'An unrelated evaluation question about the weather in Lisbon today.' },
        ]),
      },
    );
    const evalJob = (await evalUpload.json()) as Job;
    expect(await finished(evalJob.id, evalDs.body.id)).toMatchObject({ status: 'succeeded' });
    const evalV = await version(1, evalDs.body.id);
    const against = [{ datasetId: evalDs.body.id, versionId: evalV.versionId, version: 1 }];

    const report = await h.request<{ contaminatedRecords: number; records: { recordId: string }[] }>(
      'ingestion',
      'POST',
      `/v1/datasets/${datasetId}/versions/1/contamination`,
      { against },
    );
    expect(report.status).toBe(200);
    expect(report.body.contaminatedRecords).toBe(1);
    expect(report.body.records[0]?.recordId).toBe('r5');

    const derive = await h.request<Job>('ingestion', 'POST', `/v1/datasets/${datasetId}/derivations`, {
      parents: [{ datasetId, versionId: v1.versionId, version: 1 }],
      decontaminate: { against },
    });
    expect(derive.status).toBe(202);
    expect(await finished(derive.body.id)).toMatchObject({ status: 'succeeded' });
    const derived = await h.request<DatasetVersionCreatedV1[]>(
      'ingestion',
      'GET',
      `/v1/datasets/${datasetId}/versions`,
    );
    const last = derived.body[derived.body.length - 1]!;
    expect(last.counts.total).toBe(v1.counts.total - 1);
    expect(last.profileSummary.droppedByReason).toMatchObject({ contaminated: 1 });

    const diff = await h.request<{ added: number; removed: number; unchanged: number }>(
      'ingestion',
      'GET',
      `/v1/datasets/${datasetId}/versions/${last.version}/diff?against=1`,
    );
    expect(diff.body).toMatchObject({ added: 0, removed: 1, unchanged: v1.counts.total - 1 });
  });

  it('rejects unknown recipes and bad source configs with 422 naming the field', async () => {
    const bad = await h.request<Problem>('ingestion', 'POST', '/v1/sources', {
      name: `http-${uuidv7().slice(-8)}`,
      kind: 'http',
      config: { url: 'ftp://example.com/data.jsonl' },
      datasetId,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]?.path).toMatch(/^config\.url/);
    const recipe = await upload(
      'x.jsonl',
      jsonl([{ text: paragraph(1) }]),
      'application/x-ndjson',
      '&recipe=nope',
    );
    expect(recipe.status).toBe(422);
    expect(recipe.body.code).toBe('UNKNOWN_RECIPE');
  });
});
