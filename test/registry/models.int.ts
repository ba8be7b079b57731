import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  Topics,
  type ModelVersionRegisteredV1,
  type ModelVersionStageChangedV1,
  type RunCompletedV1,
} from '@llmops/contracts';
import { allTopics } from '@llmops/messaging';
import { createObjectStore, parseStorageConfig, type ObjectStore } from '@llmops/storage';
import { PlatformHarness, waitFor, type KeyRole } from '@llmops/testing';

/** What the registry answers for one version (the fields these tests look at). */
interface VersionBody {
  id: string;
  modelId: string;
  modelName: string;
  version: number;
  stage: string;
  rowVersion: number;
  artifacts: { uri: string; sha256: string; size: number; role: string }[];
  lineage: { runId: string | null; datasets: unknown[] };
  aliases: string[];
  retiredAt: string | null;
  retiredReason: string | null;
}

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
  allowedStages?: string[];
}

const FIXTURE = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', 'libs', 'contracts', 'fixtures', `${Topics.runCompleted}.json`),
    'utf8',
  ),
) as RunCompletedV1;

/** A contract-valid run-completed for a fresh run, fine-tuned from `base` (a builtin base by default). */
function runCompleted(overrides: Partial<RunCompletedV1['lineage']> = {}): RunCompletedV1 {
  return { ...FIXTURE, runId: uuidv7(), lineage: { ...FIXTURE.lineage, ...overrides } };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('registry models: versions, lifecycle, cards, permissions (real stack)', () => {
  const h = new PlatformHarness();
  let store: ObjectStore;

  const call = <T>(method: string, url: string, body?: unknown, as: KeyRole = 'ml-engineer') =>
    h.request<T>('registry', method, url, body, as);

  /** Registers a version of `model` by hand from a fresh object in the store. */
  async function registerManually(model: string): Promise<VersionBody> {
    const bytes = randomBytes(512);
    const object = await store.put(`it/${uuidv7()}/model.bin`, bytes);
    const res = await call<VersionBody>('POST', `/v1/models/${model}/versions`, {
      format: 'huggingface',
      artifacts: [{ uri: object.uri, sha256: sha256(bytes), size: bytes.length, role: 'model' }],
      metrics: { accuracy: 0.9 },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function createModel(name: string, as: KeyRole = 'ml-engineer'): Promise<void> {
    const res = await call('POST', '/v1/models', { name, description: `${name} for tests` }, as);
    expect(res.status).toBe(201);
  }

  beforeAll(async () => {
    await h.init('registry-models');
    // The event server subscribes before the transport provisions topics at boot; on a fresh topic
    // prefix that race can outlast the subscription's wait, so the topics are created up front.
    const admin = h.kafka().admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: allTopics().map((topic) => ({ topic: h.topicPrefix + topic, numPartitions: 3 })),
    });
    await admin.disconnect();
    await h.start('registry');
    store = createObjectStore(parseStorageConfig(h.stack as unknown as Record<string, string>));
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('registers a version from run-completed once per run and announces model-version-registered', async () => {
    const run = runCompleted();
    const first = await h.produce(Topics.runCompleted, run);
    const replay = await h.produce(Topics.runCompleted, run); // same run, new event id
    await waitFor('both events handled', async () => {
      const rows = await h.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM registry.processed_events WHERE event_id = ANY($1::uuid[])',
        [[first, replay]],
      );
      return rows[0]?.n === 2 ? true : undefined;
    });

    const versions = await call<VersionBody[]>(
      'GET',
      '/v1/models/tiny-gpt-2l-lora/versions',
      undefined,
      'viewer',
    );
    expect(versions.status).toBe(200);
    const mine = versions.body.filter((v) => v.lineage.runId === run.runId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ stage: 'registered', modelName: 'tiny-gpt-2l-lora', rowVersion: 1 });
    // Metrics and logs stay with the run; the version is made of the model files.
    expect(mine[0]?.artifacts.map((a) => a.role)).toEqual(['model', 'tokenizer']);

    const messages = await h.readTopic(Topics.modelVersionRegistered, 1);
    const events = messages
      .map((m) => JSON.parse(m.value) as ModelVersionRegisteredV1)
      .filter((e) => e.source.kind === 'training-run' && e.source.runId === run.runId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      modelName: 'tiny-gpt-2l-lora',
      version: mine[0]?.version,
      method: 'lora',
      datasets: run.lineage.datasets,
      registeredBy: { subject: 'registry', kind: 'service' },
    });
  });

  it('registers a version of a registry base under that same model', async () => {
    const base = (await call<VersionBody[]>('GET', '/v1/models/tiny-gpt-2l-lora/versions')).body[0];
    if (!base) throw new Error('no base version');
    const run = runCompleted({
      baseModel: {
        kind: 'registry',
        modelId: base.modelId,
        modelName: base.modelName,
        versionId: base.id,
        version: base.version,
      },
    });
    await h.produce(Topics.runCompleted, run);
    const next = await waitFor('the next version', async () => {
      const res = await call<VersionBody[]>('GET', '/v1/models/tiny-gpt-2l-lora/versions');
      return res.body.find((v) => v.lineage.runId === run.runId);
    });
    expect(next.version).toBe(base.version + 1);
  });

  it('registers by hand an object already in the store, and refuses a wrong or missing checksum with 422', async () => {
    await createModel('manual-bot');
    const bytes = randomBytes(2048);
    const object = await store.put(`it/${uuidv7()}/weights.gguf`, bytes);

    const wrong = await call<Problem>('POST', '/v1/models/manual-bot/versions', {
      format: 'gguf',
      artifacts: [{ uri: object.uri, sha256: sha256(Buffer.from('other bytes')), role: 'model' }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CHECKSUM_MISMATCH');
    expect(wrong.body.errors?.[0]?.path).toBe('artifacts.0.sha256');

    const missing = await call<Problem>('POST', '/v1/models/manual-bot/versions', {
      format: 'gguf',
      artifacts: [{ key: `it/${uuidv7()}/absent.bin`, sha256: sha256(bytes), role: 'model' }],
    });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('ARTIFACT_NOT_FOUND');

    const ok = await call<VersionBody>('POST', '/v1/models/manual-bot/versions', {
      format: 'gguf',
      artifacts: [{ uri: object.uri, sha256: sha256(bytes), size: bytes.length, role: 'model' }],
      description: 'quantised by hand',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ version: 1, stage: 'registered', lineage: { runId: null } });
    expect(ok.body.artifacts[0]).toMatchObject({ uri: object.uri, sha256: sha256(bytes), size: 2048 });
    // A failed registration consumed no version number.
    const list = await call<VersionBody[]>('GET', '/v1/models/manual-bot/versions');
    expect(list.body.map((v) => v.version)).toEqual([1]);
  });

  it('registers bytes uploaded through a presigned URL, sealing them only when the checksum matches', async () => {
    const ticket = await call<{ key: string; uploadUrl: string }>('POST', '/v1/models/manual-bot/uploads', {
      filename: 'adapter.safetensors',
    });
    expect(ticket.status).toBe(201);
    const bytes = randomBytes(4096);
    const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', body: bytes });
    expect(put.ok).toBe(true);

    const wrong = await call<Problem>('POST', '/v1/models/manual-bot/versions', {
      format: 'adapter',
      artifacts: [{ key: ticket.body.key, sha256: sha256(randomBytes(8)), role: 'adapter' }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CHECKSUM_MISMATCH');

    const ok = await call<VersionBody>('POST', '/v1/models/manual-bot/versions', {
      format: 'adapter',
      artifacts: [{ key: ticket.body.key, sha256: sha256(bytes), role: 'adapter' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.artifacts[0]?.size).toBe(4096);
    expect((await store.stat(ticket.body.key)).sha256).toBe(sha256(bytes));
  });

  it('answers an illegal transition with 409 listing the allowed stages', async () => {
    await createModel('lifecycle-bot');
    const v = await registerManually('lifecycle-bot');
    const res = await call<Problem>('POST', `/v1/models/lifecycle-bot/versions/${v.version}/transitions`, {
      toStage: 'production',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    expect(res.body.allowedStages).toEqual(['candidate', 'staging', 'archived']);
    expect(res.body.errors?.map((e) => e.message)).toEqual([
      'allowed: candidate',
      'allowed: staging',
      'allowed: archived',
    ]);
  });

  it('refuses production through REST while the promotion gate (approvals policy) is not met', async () => {
    const v = await registerManually('lifecycle-bot');
    const url = `/v1/models/lifecycle-bot/versions/${v.version}/transitions`;
    expect((await call('POST', url, { toStage: 'staging' })).status).toBe(200);
    const refused = await call<Problem>('POST', url, { toStage: 'production' });
    expect(refused.status).toBe(409);
    expect(['EVIDENCE_MISSING', 'APPROVAL_REQUIRED']).toContain(refused.body.code);
    const after = await call<VersionBody>('GET', `/v1/models/lifecycle-bot/versions/${v.version}`);
    expect(after.body).toMatchObject({ stage: 'staging', rowVersion: 2 });
  });

  it('lets exactly one of two concurrent promotions win, and publishes model-version-stage-changed', async () => {
    // This model's policy lets production through without approvals, so only the lock decides.
    const policy = await call(
      'PUT',
      '/v1/models/lifecycle-bot/policy',
      { production: { requiredApprovals: 0, requiredEvidence: [] } },
      'approver',
    );
    expect(policy.status).toBe(200);
    const v = await registerManually('lifecycle-bot');
    const url = `/v1/models/lifecycle-bot/versions/${v.version}/transitions`;
    const staged = await call<VersionBody>('POST', url, { toStage: 'staging', expectedVersion: 1 });
    expect(staged.status).toBe(200);
    expect(staged.body).toMatchObject({ stage: 'staging', rowVersion: 2 });

    const [a, b] = await Promise.all([
      call<Problem>('POST', url, { toStage: 'production', reason: 'first', expectedVersion: 2 }),
      call<Problem>('POST', url, { toStage: 'production', reason: 'second', expectedVersion: 2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)?.body.code).toBe('CONCURRENT_MODIFICATION');

    // A stale row version is refused the same way, through If-Match too.
    const stale = await h.request<Problem>(
      'registry',
      'PATCH',
      `/v1/models/lifecycle-bot/versions/${v.version}`,
      {
        stage: 'deprecated',
        expectedVersion: 1,
      },
      'ml-engineer',
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONCURRENT_MODIFICATION');

    const messages = await h.readTopic(Topics.modelVersionStageChanged, 2);
    const mine = messages
      .map((m) => JSON.parse(m.value) as ModelVersionStageChangedV1)
      .filter((e) => e.versionId === v.id);
    expect(mine.map((e) => `${e.fromStage}->${e.toStage}`)).toEqual([
      'registered->staging',
      'staging->production',
    ]);
    expect(mine[1]?.actor).toMatchObject({ subject: 'api-key:ml-engineer', kind: 'api-key' });
  });

  it('demotes the previous production version when another is promoted, keeping the history', async () => {
    const previous = (await call<VersionBody[]>('GET', '/v1/models/lifecycle-bot/versions?stage=production'))
      .body[0];
    if (!previous) throw new Error('no production version');
    const next = await registerManually('lifecycle-bot');
    const url = `/v1/models/lifecycle-bot/versions/${next.version}/transitions`;
    expect((await call('POST', url, { toStage: 'candidate' })).status).toBe(200);
    expect((await call('POST', url, { toStage: 'staging' })).status).toBe(200);
    const beforePromotion = new Date().toISOString();
    const promoted = await call<VersionBody>('POST', url, { toStage: 'production', reason: 'better' });
    expect(promoted.status).toBe(200);

    // "What was in production at time T", before and after the promotion.
    const productionAt = async (at: string) =>
      (
        await call<{ version: number; stage: string }[]>(
          'GET',
          `/v1/models/lifecycle-bot/stages?at=${encodeURIComponent(at)}`,
          undefined,
          'viewer',
        )
      ).body.find((s) => s.stage === 'production')?.version;
    expect(await productionAt(beforePromotion)).toBe(previous.version);
    expect(await productionAt(new Date().toISOString())).toBe(next.version);

    const old = await call<VersionBody>('GET', `/v1/models/lifecycle-bot/versions/${previous.version}`);
    expect(old.body.stage).toBe('deprecated');
    const model = await call<{ productionVersion: number }>('GET', '/v1/models/lifecycle-bot');
    expect(model.body.productionVersion).toBe(next.version);

    const history = await call<
      { version: number; fromStage: string | null; toStage: string; reason: string }[]
    >('GET', '/v1/models/lifecycle-bot/history', undefined, 'viewer');
    expect(history.body.filter((e) => e.version === previous.version).at(-1)).toMatchObject({
      fromStage: 'production',
      toStage: 'deprecated',
      reason: `superseded by version ${next.version} in production`,
    });
  });

  it('archives only with a reason, records the retirement and drops its aliases', async () => {
    const v = await registerManually('lifecycle-bot');
    expect(
      (await call('PUT', `/v1/models/lifecycle-bot/aliases/challenger`, { version: v.version })).status,
    ).toBe(200);
    const url = `/v1/models/lifecycle-bot/versions/${v.version}/transitions`;
    const noReason = await call<Problem>('POST', url, { toStage: 'archived' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('RETIREMENT_REASON_REQUIRED');
    const archived = await call<VersionBody>('POST', url, { toStage: 'archived', reason: 'superseded' });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ stage: 'archived', retiredReason: 'superseded', aliases: [] });
    expect(archived.body.retiredAt).not.toBeNull();
    const final = await call<Problem>('POST', url, { toStage: 'registered' });
    expect(final.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', allowedStages: [] });
  });

  it('sets, moves, resolves and deletes aliases', async () => {
    await createModel('alias-bot');
    const v1 = await registerManually('alias-bot');
    const v2 = await registerManually('alias-bot');
    expect((await call('PUT', '/v1/models/alias-bot/aliases/champion', { version: v1.version })).status).toBe(
      200,
    );
    expect((await call('PUT', '/v1/models/alias-bot/aliases/champion', { version: v2.version })).status).toBe(
      200,
    );
    const resolved = await call<VersionBody>(
      'GET',
      '/v1/models/alias-bot/aliases/champion',
      undefined,
      'viewer',
    );
    expect(resolved.body).toMatchObject({ version: v2.version, aliases: ['champion'] });
    const model = await call<{ aliases: Record<string, number> }>('GET', '/v1/models/alias-bot');
    expect(model.body.aliases).toEqual({ champion: v2.version });
    expect((await call('PUT', '/v1/models/alias-bot/aliases/champion', { version: 99 })).status).toBe(404);
    const deleted = await fetch(`${h.service('registry').url}/v1/models/alias-bot/aliases/champion`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${h.keys['ml-engineer']}` },
    });
    expect([deleted.status, await deleted.text()]).toEqual([204, '']);
    expect((await call<Problem>('GET', '/v1/models/alias-bot/aliases/champion')).body.code).toBe(
      'MODEL_ALIAS_NOT_FOUND',
    );
  });

  it('generates the model card as Markdown, takes section edits and stores it with its checksum', async () => {
    const version = (await call<VersionBody[]>('GET', '/v1/models/tiny-gpt-2l-lora/versions')).body.at(-1);
    if (!version) throw new Error('no version');
    const url = `/v1/models/tiny-gpt-2l-lora/versions/${version.version}/card`;
    const res = await fetch(`${h.service('registry').url}${url}`, {
      headers: { authorization: `Bearer ${h.keys.viewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    const markdown = await res.text();
    expect(markdown).toContain(`# Model card: tiny-gpt-2l-lora v${version.version}`);
    expect(markdown).toContain('| eval_perplexity | 5.72 |');
    expect(markdown).toContain(FIXTURE.lineage.datasets[0]?.versionId ?? 'dataset');
    expect(res.headers.get('x-model-card-complete')).toBe('false');

    const before = await call<{ complete: boolean; missingSections: string[] }>('GET', `${url}?format=json`);
    expect(before.body).toMatchObject({ complete: false, missingSections: ['intended-use', 'limitations'] });

    const edited = await call<{
      complete: boolean;
      stored: { uri: string; sha256: string; current: boolean };
    }>('PUT', url, {
      sections: {
        'intended-use': 'Answering support tickets in English.',
        limitations: 'Not for legal advice.',
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.complete).toBe(true);
    expect(edited.body.stored.uri).toBe(
      `s3://${h.stack.S3_BUCKET}/models/${version.modelId}/${version.version}/model-card.md`,
    );
    const key = `models/${version.modelId}/${version.version}/model-card.md`;
    const stored = await store.getBuffer(key);
    expect(sha256(stored)).toBe(edited.body.stored.sha256);
    expect(stored.toString('utf8')).toContain('Not for legal advice.');

    const after = await call<{ complete: boolean; stored: { current: boolean } }>(
      'GET',
      `${url}?format=json`,
    );
    expect(after.body).toMatchObject({ complete: true, stored: { current: true } });
  });

  it('enforces per-model permissions: a non-maintainer ml-engineer gets 403, a listed one may act', async () => {
    await createModel('rbac-bot', 'admin');
    const created = await call<{ owners: string[] }>('GET', '/v1/models/rbac-bot', undefined, 'viewer');
    expect(created.body.owners).toEqual(['api-key:admin']);

    const denied = await call<Problem>('POST', '/v1/models/rbac-bot/uploads', { filename: 'x.bin' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('MODEL_FORBIDDEN');

    const bytes = randomBytes(64);
    const object = await store.put(`it/${uuidv7()}/model.bin`, bytes);
    const registered = await call<VersionBody>(
      'POST',
      '/v1/models/rbac-bot/versions',
      { format: 'builtin', artifacts: [{ uri: object.uri, sha256: sha256(bytes), role: 'model' }] },
      'admin',
    );
    expect(registered.status).toBe(201);
    const url = `/v1/models/rbac-bot/versions/${registered.body.version}/transitions`;

    const forbidden = await call<Problem>('POST', url, { toStage: 'candidate' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('MODEL_FORBIDDEN');
    const viewer = await call<Problem>('POST', url, { toStage: 'candidate' }, 'viewer');
    expect(viewer.status).toBe(403);
    expect(viewer.body.code).toBe('AUTH_FORBIDDEN');
    // ml-engineer cannot hand itself permissions either.
    const grab = await call<Problem>('PUT', '/v1/models/rbac-bot/permissions', {
      owners: ['api-key:ml-engineer'],
      maintainers: [],
    });
    expect(grab.status).toBe(403);

    const granted = await call<{ maintainers: string[] }>(
      'PUT',
      '/v1/models/rbac-bot/permissions',
      { owners: ['api-key:admin'], maintainers: ['api-key:ml-engineer'] },
      'admin',
    );
    expect(granted.status).toBe(200);
    expect(granted.body.maintainers).toEqual(['api-key:ml-engineer']);
    const allowed = await call<VersionBody>('POST', url, { toStage: 'candidate' });
    expect(allowed.status).toBe(200);
    expect(allowed.body.stage).toBe('candidate');
  });

  describe('registration from an external URL', () => {
    // 20 MiB: past the S3 store's 16 MiB part size, so the download goes up as a multipart upload.
    const weights = randomBytes(20 * 1024 * 1024);
    const server = createServer((req, res) => {
      switch (new URL(req.url ?? '/', 'http://localhost').pathname) {
        case '/weights.gguf':
          res.writeHead(200, { 'content-length': weights.length });
          res.end(weights);
          return;
        case '/chunked.gguf':
          // No Content-Length: only the registry's running byte count can stop it.
          res.writeHead(200);
          res.end(weights);
          return;
        case '/stall':
          return; // accepts the connection, never answers
        default:
          res.writeHead(404, 'Not Found');
          res.end();
      }
    });
    let base = '';
    let modelId = '';

    const registerFromUrl = (url: string, declaredSha = sha256(weights), download?: object) =>
      call<VersionBody & Problem & { detail: string }>('POST', '/v1/models/url-bot/versions', {
        format: 'gguf',
        artifacts: [{ url, sha256: declaredSha, size: weights.length, role: 'model' }],
        ...(download === undefined ? {} : { download }),
      });

    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await createModel('url-bot');
      modelId = (await call<{ id: string }>('GET', '/v1/models/url-bot')).body.id;
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('refuses a wrong checksum with 422 and leaves no object under the model', async () => {
      const res = await registerFromUrl(`${base}/weights.gguf`, sha256(Buffer.from('other')));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CHECKSUM_MISMATCH');
      expect(res.body.errors?.[0]?.path).toBe('artifacts.0.sha256');
      expect(await store.listAll(`models/${modelId}/`)).toEqual([]);
    });

    it('answers ARTIFACT_UNREACHABLE for a 404 and for a server that stalls, within the timeout', async () => {
      const missing = await registerFromUrl(`${base}/absent.gguf`);
      expect(missing.status).toBe(422);
      expect(missing.body.code).toBe('ARTIFACT_UNREACHABLE');
      expect(missing.body.detail).toContain(`${base}/absent.gguf: HTTP 404`);

      const started = Date.now();
      const stalled = await registerFromUrl(`${base}/stall`, sha256(weights), { headersTimeoutMs: 500 });
      expect(stalled.status).toBe(422);
      expect(stalled.body.code).toBe('ARTIFACT_UNREACHABLE');
      expect(stalled.body.detail).toContain('no response within 500 ms');
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('answers ARTIFACT_TOO_LARGE past maxBytes, and 400 for a URL that is not http(s)', async () => {
      const declared = await registerFromUrl(`${base}/weights.gguf`, sha256(weights), { maxBytes: 1024 });
      expect(declared.status).toBe(422);
      expect(declared.body.code).toBe('ARTIFACT_TOO_LARGE');
      expect(declared.body.detail).toContain('Content-Length');
      // Stopped by the count after the first 16 MiB part went up: the multipart upload is abandoned.
      const counted = await registerFromUrl(`${base}/chunked.gguf`, sha256(weights), {
        maxBytes: 17 * 1024 * 1024,
      });
      expect(counted.status).toBe(422);
      expect(counted.body.code).toBe('ARTIFACT_TOO_LARGE');
      expect(counted.body.detail).toContain(`more than ${17 * 1024 * 1024} bytes`);
      const file = await registerFromUrl('file:///etc/passwd');
      expect(file.status).toBe(400);
      expect(file.body.code).toBe('VALIDATION_FAILED');
      expect(await store.listAll(`models/${modelId}/`)).toEqual([]);
    });

    it('streams the file into the store under the version, verified, with the URL as its source', async () => {
      const res = await registerFromUrl(`${base}/weights.gguf?download=true`);
      expect(res.status).toBe(201);
      // The failed registrations above used up no version number.
      expect(res.body.version).toBe(1);
      const key = `models/${modelId}/${res.body.id}/weights.gguf`;
      expect(res.body.artifacts).toEqual([
        {
          uri: `s3://${h.stack.S3_BUCKET}/${key}`,
          sha256: sha256(weights),
          size: weights.length,
          role: 'model',
          source: `${base}/weights.gguf`,
        },
      ]);
      const stored = await store.stat(key);
      expect(stored).toMatchObject({ sha256: sha256(weights), size: weights.length });
      expect(sha256(await store.getBuffer(key))).toBe(sha256(weights));

      const events = (await h.readTopic(Topics.modelVersionRegistered, 1))
        .map((m) => JSON.parse(m.value) as ModelVersionRegisteredV1)
        .filter((e) => e.versionId === res.body.id);
      expect(events).toHaveLength(1);
      expect(events[0]?.artifacts[0]).toMatchObject({ uri: stored.uri, sha256: stored.sha256 });
    });
  });

  it('answers unknown models and versions with 404 codes and bad bodies with 400', async () => {
    expect((await call<Problem>('GET', '/v1/models/nope', undefined, 'viewer')).body.code).toBe(
      'MODEL_NOT_FOUND',
    );
    expect((await call<Problem>('GET', '/v1/models/manual-bot/versions/42')).body.code).toBe(
      'MODEL_VERSION_NOT_FOUND',
    );
    const bad = await call<Problem>('POST', '/v1/models', { name: 'Not A Slug' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const taken = await call<Problem>('POST', '/v1/models', { name: 'manual-bot' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('MODEL_NAME_TAKEN');
  });
});
