import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { LoadedModel } from '../model/loaded-model';
import { MODEL_FILE, TOKENIZER_FILE, WEIGHTS_FILE } from './artifact-manifest';
import { type ArtifactFileBytes, loadModel, type LoadModelOptions } from './load-model';
import { type ArtifactFile, saveModel } from './save-model';

/** Writes the model's artifact files into `directory` (created if needed); returns what was written. */
export async function saveModelToDirectory(model: LoadedModel, directory: string): Promise<ArtifactFile[]> {
  const { files } = saveModel(model);
  await mkdir(directory, { recursive: true });
  await Promise.all(files.map((file) => writeFile(join(directory, file.name), file.bytes)));
  return files;
}

/** Loads a model saved with saveModelToDirectory (or the same files fetched from storage). */
export async function loadModelFromDirectory(
  directory: string,
  options: LoadModelOptions = {},
): Promise<LoadedModel> {
  const files: ArtifactFileBytes[] = [];
  for (const name of [MODEL_FILE, TOKENIZER_FILE, WEIGHTS_FILE]) {
    try {
      files.push({ name, bytes: await readFile(join(directory, name)) });
    } catch (error) {
      // An adapter has no tokenizer.json; loadModel reports whatever the manifest needs and is missing.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return loadModel(files, options);
}
