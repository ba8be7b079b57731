import { readFileSync } from 'node:fs';
import path from 'node:path';

import { type DatasetVersionCreatedV1, parseEventData, Topics } from './index';

function validPayload(): DatasetVersionCreatedV1 {
  const file = path.join(__dirname, '..', 'fixtures', `${Topics.datasetVersionCreated}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as DatasetVersionCreatedV1;
}

describe('parseEventData', () => {
  it('returns the typed payload', () => {
    const result = parseEventData(Topics.datasetVersionCreated, validPayload());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.counts.total).toBe(48210);
  });

  it('names every failing field by its path', () => {
    const payload = {
      ...validPayload(),
      manifest: { ...validPayload().manifest, sha256: 'abc' },
      version: 0,
    };
    const result = parseEventData(Topics.datasetVersionCreated, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual(['version', 'manifest.sha256']);
    expect(result.error).toMatch(/^invalid payload for llmops\.ingestion\.dataset-version-created\.v1: /);
    expect(result.error).toContain('manifest.sha256: expected 64 lowercase hex characters');
    expect(result.error).toContain('version: ');
  });

  it('names a missing nested field and array indexes', () => {
    const payload = validPayload() as unknown as { parents: Record<string, unknown>[] };
    delete payload.parents[0]?.versionId;
    const result = parseEventData(Topics.datasetVersionCreated, payload);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['parents.0.versionId']);
  });

  it('reports a non-object payload at the root', () => {
    const result = parseEventData(Topics.datasetVersionCreated, 'hello');
    expect(!result.ok && result.issues).toEqual([{ path: '(root)', message: expect.any(String) as string }]);
  });

  it('drops unknown fields (tolerant reader), so additive changes do not break consumers', () => {
    const result = parseEventData(Topics.datasetVersionCreated, { ...validPayload(), addedLater: true });
    expect(result.ok && 'addedLater' in result.data).toBe(false);
  });

  it('rejects S3 references that are not s3:// URIs', () => {
    const payload = {
      ...validPayload(),
      profile: { ...validPayload().profile, uri: 'https://example.com/p.json' },
    };
    const result = parseEventData(Topics.datasetVersionCreated, payload);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['profile.uri']);
  });

  it('reports an unknown topic', () => {
    expect(parseEventData('llmops.nowhere.nothing.v1', {})).toEqual({
      ok: false,
      error: 'unknown topic llmops.nowhere.nothing.v1',
      issues: [],
    });
  });
});
