import { createReadStream, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { ModelArtifact } from '@llmops/contracts';
import type { ObjectStore } from '@llmops/storage';

import { artifactRoleOf } from './artifact-role';

/** What uploading an output directory stored, and what it could not. */
export interface UploadedOutputs {
  /** One per stored file, sorted by path. */
  artifacts: ModelArtifact[];
  /** Files left out: links and special files (never followed), or uploads that failed. */
  skipped: { path: string; reason: string }[];
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  log: 'text/plain; charset=utf-8',
};

function contentTypeOf(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** Regular files under `dir`, as `/`-separated relative paths; links and special files go to `skipped`. */
async function listOutputFiles(dir: string, skipped: UploadedOutputs['skipped']): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(join(dir, relative), { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: relative || '.', reason: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(path);
      // A link could point anywhere on the host; only what the trainer wrote is uploaded.
      else skipped.push({ path, reason: entry.isSymbolicLink() ? 'symbolic link' : 'not a regular file' });
    }
  };
  await walk('');
  return files.sort();
}

/**
 * Stores every regular file under `outputDir` at `<keyPrefix>output/<relative path>` with `put`, which
 * records its sha256 and size. With `stopOnError` the first failed upload throws (a successful run must
 * not lose a file silently); without, failures are listed and the rest still uploads (a failed or
 * cancelled run keeps what it can for debugging).
 */
export async function uploadRunOutputs(
  store: ObjectStore,
  outputDir: string,
  keyPrefix: string,
  stopOnError: boolean,
): Promise<UploadedOutputs> {
  const skipped: UploadedOutputs['skipped'] = [];
  const artifacts: ModelArtifact[] = [];
  const prefix = keyPrefix.endsWith('/') ? keyPrefix : `${keyPrefix}/`;
  for (const path of await listOutputFiles(outputDir, skipped)) {
    try {
      const stored = await store.put(`${prefix}output/${path}`, createReadStream(join(outputDir, path)), {
        contentType: contentTypeOf(path),
      });
      artifacts.push({
        uri: stored.uri,
        sha256: stored.sha256,
        size: stored.size,
        role: artifactRoleOf(path),
      });
    } catch (error) {
      if (stopOnError) throw error;
      skipped.push({ path, reason: (error as Error).message });
    }
  }
  return { artifacts, skipped };
}
