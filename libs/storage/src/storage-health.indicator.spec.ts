import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FsObjectStore } from './drivers/fs-object-store';
import { StorageHealthIndicator } from './storage-health.indicator';

describe('StorageHealthIndicator', () => {
  let root: string;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'llmops-health-'));
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('is ok when the store answers its ping', async () => {
    const store = new FsObjectStore({ dir: root });
    await expect(new StorageHealthIndicator(store).check()).resolves.toEqual({ ok: true });
  });

  it('reports why when the ping fails', async () => {
    const store = new FsObjectStore({ dir: path.join(root, 'missing') });
    const health = await new StorageHealthIndicator(store).check();
    expect(health.ok).toBe(false);
    expect(health.detail).toContain('missing');
  });

  it('gives up after the timeout instead of hanging the probe', async () => {
    const store = new FsObjectStore({ dir: root });
    jest.spyOn(store, 'ping').mockReturnValue(new Promise<void>(() => undefined));
    await expect(new StorageHealthIndicator(store).check(20)).resolves.toEqual({
      ok: false,
      detail: 'fs store did not answer within 20 ms',
    });
  });
});
