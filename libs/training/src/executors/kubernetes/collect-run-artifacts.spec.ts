import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FsObjectStore } from '@llmops/storage';
import { collectRunArtifacts } from './collect-run-artifacts';

describe('collectRunArtifacts', () => {
  let dir: string;
  let store: FsObjectStore;

  async function upload(key: string, content: string): Promise<void> {
    await mkdir(path.dirname(path.join(dir, key)), { recursive: true });
    await writeFile(path.join(dir, key), content);
  }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'collect-artifacts-'));
    store = new FsObjectStore({ dir });
    await store.ensureReady();
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists committed objects and seals what the manifest names, but not the manifest', async () => {
    await store.put('runs/r1/output/metrics.jsonl', '{}\n');
    await upload('runs/r1/output/model.safetensors', 'w');
    await upload('runs/r1/output/unlisted.bin', 'x');
    await upload('runs/r1/output/llmops-files.json', '{"files":["model.safetensors"]}');
    const collected = await collectRunArtifacts(store, 'runs/r1/', 'sft');
    expect(collected).toEqual({
      ok: true,
      artifacts: [
        expect.objectContaining({ uri: 's3://llmops/runs/r1/output/metrics.jsonl', role: 'metrics' }),
        expect.objectContaining({
          uri: 's3://llmops/runs/r1/output/model.safetensors',
          role: 'model',
          size: 1,
        }),
      ],
    });
  });

  it('refuses a file whose checksum differs from the manifest, and unsafe paths', async () => {
    await upload('runs/r1/output/model.safetensors', 'w');
    await upload(
      'runs/r1/output/llmops-files.json',
      `{"files":[{"path":"model.safetensors","sha256":"${'0'.repeat(64)}"}]}`,
    );
    expect(await collectRunArtifacts(store, 'runs/r1/', 'sft')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('cannot seal model.safetensors'),
    });
    await upload('runs/r2/output/llmops-files.json', '{"files":["../../secrets"]}');
    expect(await collectRunArtifacts(store, 'runs/r2/', 'sft')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('unsafe path'),
    });
  });

  it('returns nothing for an empty output folder', async () => {
    expect(await collectRunArtifacts(store, 'runs/none/', 'sft')).toEqual({ ok: true, artifacts: [] });
  });
});
