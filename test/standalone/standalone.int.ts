import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort, startServiceProcess, waitFor, type ServiceProcess } from '@llmops/testing';
import { versionBody } from '../support/distributed-harness';

/**
 * Standalone mode (the README's first command): one process, all seven services, in-process events,
 * PGlite and the filesystem store under one data directory — same HTTP paths and event flow as distributed.
 */
describe('standalone mode: one process, embedded defaults', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'llmops-standalone-'));
  const adminKey = `llmops_${randomBytes(24).toString('base64url')}`;
  const viewerKey = `llmops_${randomBytes(24).toString('base64url')}`;
  let port = 0;
  let app: ServiceProcess | undefined;

  const env = (): Record<string, string> => ({
    LLMOPS_DATA_DIR: dataDir,
    LLMOPS_ADMIN_API_KEY: adminKey,
    AUTH_API_KEYS: JSON.stringify([
      {
        name: 'viewer',
        hash: `sha256:${createHash('sha256').update(viewerKey).digest('hex')}`,
        roles: ['viewer'],
      },
    ]),
  });

  async function call(method: string, url: string, body?: string, key: string | null = adminKey) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers['authorization'] = `Bearer ${key}`;
    const res = await fetch(`${app?.url ?? ''}${url}`, { method, headers, body });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  beforeAll(async () => {
    port = await freePort();
    app = await startServiceProcess('standalone', env(), { port, readyTimeoutMs: 120_000 });
  });

  afterAll(async () => {
    await app?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps only the hash of the admin key under the data directory', () => {
    const file = readFileSync(path.join(dataDir, 'api-keys.json'), 'utf8');
    expect(file).not.toContain(adminKey);
    expect(file).toContain(createHash('sha256').update(adminKey).digest('hex'));
  });

  it('reports every service database, the event bus and storage as ready', async () => {
    const res = await call('GET', '/health/ready', undefined, null);
    expect(res.status).toBe(200);
    const checks = Object.keys(res.body['checks'] as object);
    for (const service of [
      'ingestion',
      'labeling',
      'training',
      'evaluation',
      'registry',
      'serving',
      'monitoring',
    ]) {
      expect(checks).toContain(`database:${service}`);
    }
    expect(checks).toEqual(expect.arrayContaining(['event-bus', 'storage']));
  });

  it('carries a dataset version from ingestion to training through the in-process bus, once each', async () => {
    const created = await call('POST', '/v1/datasets', JSON.stringify({ name: 'standalone-chats' }));
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    for (let i = 0; i < 3; i++) {
      const version = await call('POST', `/v1/datasets/${id}/versions`, JSON.stringify(versionBody()));
      expect(version.status).toBe(201);
      expect(version.body['version']).toBe(i + 1);
    }
    const catalog = await waitFor('training to see 3 versions', async () => {
      const res = await call('GET', '/v1/training/datasets');
      const entry = (res.body as unknown as { datasetId: string; versionsReceived: number }[]).find(
        (d) => d.datasetId === id,
      );
      return entry && entry.versionsReceived >= 3 ? entry : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const versions = await call('GET', `/v1/training/datasets/${id}/versions`);
    expect(catalog.versionsReceived).toBe(3);
    expect((versions.body as unknown as { version: number }[]).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  describe('bad input at the edge gets problem+json with a stable code', () => {
    it('invalid body → 400 VALIDATION_FAILED naming the fields', async () => {
      const res = await call('POST', '/v1/datasets', JSON.stringify({ name: 'Not A Slug', description: 7 }));
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body['code']).toBe('VALIDATION_FAILED');
      const paths = (res.body['errors'] as { path: string }[]).map((e) => e.path).sort();
      expect(paths).toEqual(['description', 'name']);
    });

    it('malformed JSON → 400 MALFORMED_BODY', async () => {
      const res = await call('POST', '/v1/datasets', '{"name": ');
      expect(res.status).toBe(400);
      expect(res.body['code']).toBe('MALFORMED_BODY');
    });

    it('unknown route → 404 ROUTE_NOT_FOUND', async () => {
      const res = await call('GET', '/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body['code']).toBe('ROUTE_NOT_FOUND');
    });

    it('unknown dataset → 404 DATASET_NOT_FOUND; a malformed id → 400', async () => {
      const missing = await call('GET', '/v1/datasets/01a22124-ebaf-72f3-a6bf-499a07c116b9');
      expect(missing.status).toBe(404);
      expect(missing.body['code']).toBe('DATASET_NOT_FOUND');
      const malformed = await call('GET', '/v1/datasets/not-a-uuid');
      expect(malformed.status).toBe(400);
    });

    it('no credentials → 401; wrong role → 403', async () => {
      const anonymous = await call('POST', '/v1/datasets', JSON.stringify({ name: 'nope' }), null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body['code']).toBe('AUTH_UNAUTHENTICATED');
      const viewer = await call('POST', '/v1/datasets', JSON.stringify({ name: 'nope' }), viewerKey);
      expect(viewer.status).toBe(403);
      expect(viewer.body['code']).toBe('AUTH_FORBIDDEN');
      const read = await call('GET', '/v1/training/datasets', undefined, viewerKey);
      expect(read.status).toBe(200);
    });
  });

  it('keeps its data across a restart (same data directory)', async () => {
    await app?.kill('SIGTERM');
    app = await startServiceProcess('standalone', env(), { port, readyTimeoutMs: 120_000 });
    const res = await call('GET', '/v1/training/datasets');
    expect((res.body as unknown as { datasetName: string }[]).map((d) => d.datasetName)).toContain(
      'standalone-chats',
    );
  });
});
