import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { supportDemoCorpus } from '../../corpus/support-qa';
import { exampleText } from '../data/example-text';
import { perplexity } from '../inference/perplexity';
import type { LoadedModel } from '../model/loaded-model';
import { trainTinyModel } from '../testing/tiny-model';
import { train } from '../training/train';
import { loadModel } from './load-model';
import { loadModelFromDirectory, saveModelToDirectory } from './model-directory';
import { type ArtifactFile, saveModel } from './save-model';

const support = supportDemoCorpus();
const texts = support.heldOut.map(exampleText);

let base: LoadedModel;
let adapterModel: LoadedModel;
beforeAll(async () => {
  base = await trainTinyModel();
  const run = await train({
    method: 'lora',
    base,
    baseRef: { kind: 'builtin', name: 'tiny-test-model' },
    corpus: support.train.slice(0, 12),
    hyperparameters: { epochs: 1, loraRank: 2, evalFraction: 0 },
  });
  adapterModel = run.model;
});

function replace(files: ArtifactFile[], name: string, bytes: Buffer): ArtifactFile[] {
  return files.map((file) => (file.name === name ? { ...file, bytes } : file));
}

describe('saveModel / loadModel', () => {
  it('round-trips a model: same perplexity to the last bit, same bytes when saved again', async () => {
    const { files } = saveModel(base);
    expect(files.map((file) => [file.name, file.role])).toEqual([
      ['model.json', 'config'],
      ['tokenizer.json', 'tokenizer'],
      ['weights.bin', 'model'],
    ]);
    const loaded = await loadModel(files);
    expect(perplexity(loaded, texts)).toEqual(perplexity(base, texts));
    expect(saveModel(loaded).files).toEqual(files);
    expect(loaded.training).toEqual(base.training);
  });

  it('records a sha256 per file and refuses a corrupted weights file', async () => {
    const { files } = saveModel(base);
    const manifest = JSON.parse(files[0]!.bytes.toString('utf8'));
    expect(manifest.weights.sha256).toBe(files[2]!.sha256);
    const corrupted = Buffer.from(files[2]!.bytes);
    corrupted[100] = (corrupted[100] ?? 0) ^ 0x01;
    await expect(loadModel(replace(files, 'weights.bin', corrupted))).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
    });
  });

  it('rejects an unknown format version, a foreign format, missing files and a malformed manifest', async () => {
    const { files } = saveModel(base);
    const manifest = JSON.parse(files[0]!.bytes.toString('utf8'));
    const withManifest = (value: unknown) => replace(files, 'model.json', Buffer.from(JSON.stringify(value)));
    await expect(loadModel(withManifest({ ...manifest, formatVersion: 2 }))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringContaining('formatVersion 2'),
    });
    await expect(loadModel(withManifest({ ...manifest, format: 'gguf' }))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
    });
    await expect(loadModel(files.filter((file) => file.name !== 'tokenizer.json'))).rejects.toMatchObject({
      code: 'INVALID_ARTIFACT',
      message: 'tokenizer.json is missing',
    });
    await expect(
      loadModel(withManifest({ ...manifest, kind: 'other', architecture: {} })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARTIFACT',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'kind' })]),
    });
  });

  it('stores an adapter as LoRA tensors plus a reference to its base, and loads it only onto that base', async () => {
    const { files } = saveModel(adapterModel);
    expect(files.map((file) => [file.name, file.role])).toEqual([
      ['model.json', 'config'],
      ['weights.bin', 'adapter'],
    ]);
    const manifest = JSON.parse(files[0]!.bytes.toString('utf8'));
    const baseWeights = saveModel(base).files.find((file) => file.name === 'weights.bin')!;
    expect(manifest.adapter.base).toEqual({
      ref: { kind: 'builtin', name: 'tiny-test-model' },
      weightsSha256: baseWeights.sha256,
      tokenizerSha256: saveModel(base).files[1]!.sha256,
    });
    expect(files[1]!.bytes.length).toBeLessThan(baseWeights.bytes.length / 4);

    const loaded = await loadModel(files, { resolveBase: () => base });
    expect(perplexity(loaded, texts)).toEqual(perplexity(adapterModel, texts));
    await expect(loadModel(files)).rejects.toMatchObject({ code: 'BASE_REQUIRED' });
    const otherBase = await trainTinyModel(8);
    await expect(loadModel(files, { base: otherBase })).rejects.toMatchObject({ code: 'BASE_MISMATCH' });
  });

  it('saves to and loads from a directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'model-runtime-'));
    try {
      await saveModelToDirectory(adapterModel, join(directory, 'adapter'));
      await saveModelToDirectory(base, join(directory, 'base'));
      expect((await readdir(join(directory, 'base'))).sort()).toEqual([
        'model.json',
        'tokenizer.json',
        'weights.bin',
      ]);
      const loadedBase = await loadModelFromDirectory(join(directory, 'base'));
      const loaded = await loadModelFromDirectory(join(directory, 'adapter'), { base: loadedBase });
      expect(perplexity(loaded, texts)).toEqual(perplexity(adapterModel, texts));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
