import 'reflect-metadata';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FsObjectStore } from './drivers/fs-object-store';
import { ObjectStore } from './object-store';
import { StorageHealthIndicator } from './storage-health.indicator';
import { StorageModule } from './storage.module';

describe('StorageModule', () => {
  let root: string;

  beforeAll(() => {
    // Nest's boot log is noise in test output.
    Logger.overrideLogger(false);
  });

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'llmops-module-'));
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('provides the configured store, ready, and its health indicator', async () => {
    const dir = path.join(root, 'objects');
    const app = await NestFactory.createApplicationContext(
      StorageModule.forRoot({ driver: 'fs', dir, bucket: 'llmops' }),
    );
    try {
      const store = app.get(ObjectStore);
      expect(store).toBeInstanceOf(FsObjectStore);
      expect((await fs.stat(path.join(dir, '.llmops/meta'))).isDirectory()).toBe(true);
      await store.put('k', 'v');
      expect((await store.getBuffer('k')).toString()).toBe('v');
      await expect(app.get(StorageHealthIndicator).check()).resolves.toEqual({ ok: true });
    } finally {
      await app.close();
    }
  });

  it('can skip ensureReady at boot', async () => {
    const dir = path.join(root, 'lazy');
    const app = await NestFactory.createApplicationContext(
      StorageModule.forRoot({ driver: 'fs', dir, bucket: 'llmops' }, { ensureReady: false }),
    );
    try {
      await expect(fs.stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
      expect((await app.get(StorageHealthIndicator).check()).ok).toBe(false);
    } finally {
      await app.close();
    }
  });
});
