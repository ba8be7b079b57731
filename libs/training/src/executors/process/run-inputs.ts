import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import type { ObjectStore } from '@llmops/storage';

import type { RunIo } from '../training-executor';
import { objectKeyOf } from './object-key';

/** What landed in the input directory. */
export interface DownloadedInputs {
  /** Paths of `datasets/<versionId>-<split>.jsonl`, in the order of `io.datasets`. */
  datasetFiles: string[];
  /** `base/` when the base model has files in the store, else null. */
  baseDir: string | null;
}

/** A name that is safe as one path segment (ids are UUIDs and splits are words; this only guards). */
function segment(value: string): string {
  const safe = value.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? '_' : safe;
}

/**
 * Lays out a run's inputs as plain files: each dataset entry's gzip JSONL shards are gunzipped and
 * concatenated into `datasets/<versionId>-<split>.jsonl` (reads are verified against the stored sha256),
 * and the base model's files are copied under `base/`. `signal` aborts the downloads.
 */
export async function downloadRunInputs(
  store: ObjectStore,
  io: RunIo,
  inputDir: string,
  signal: AbortSignal,
): Promise<DownloadedInputs> {
  const datasetsDir = join(inputDir, 'datasets');
  await mkdir(datasetsDir, { recursive: true });
  const datasetFiles: string[] = [];
  for (const dataset of io.datasets) {
    const file = join(datasetsDir, `${segment(dataset.versionId)}-${segment(dataset.split)}.jsonl`);
    // Append: the same version and split listed twice adds up instead of overwriting.
    const handle = await open(file, 'a');
    try {
      for (const uri of dataset.shardUris) {
        await pipeline(
          await store.get(objectKeyOf(uri)),
          createGunzip(),
          async (chunks: AsyncIterable<Buffer>) => {
            let last = 0x0a;
            for await (const chunk of chunks) {
              await handle.write(chunk);
              last = chunk.at(-1) ?? last;
            }
            // Shards end with a newline; if one does not, the next shard must not glue onto its last line.
            if (last !== 0x0a) await handle.write('\n');
          },
          { signal },
        );
      }
    } finally {
      await handle.close();
    }
    datasetFiles.push(file);
  }
  const baseDir =
    io.baseModelUri === null ? null : await downloadBase(store, io.baseModelUri, inputDir, signal);
  return { datasetFiles, baseDir };
}

/** Copies the base model's object (or every object under its prefix) into `base/`; null when none exist. */
async function downloadBase(
  store: ObjectStore,
  uri: string,
  inputDir: string,
  signal: AbortSignal,
): Promise<string | null> {
  const key = objectKeyOf(uri);
  const files = new Map<string, string>(); // key → path relative to base/
  if (!key.endsWith('/') && (await store.exists(key))) {
    files.set(key, key.slice(key.lastIndexOf('/') + 1));
  } else {
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for await (const found of store.list(prefix)) {
      const relative = found.slice(prefix.length).split('/').map(segment).join('/');
      files.set(found, relative);
    }
  }
  if (files.size === 0) throw new Error(`the base model has no files at ${uri}`);
  const baseDir = join(inputDir, 'base');
  for (const [found, relative] of files) {
    const target = join(baseDir, relative);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(await store.get(found), createWriteStream(target), { signal });
  }
  return baseDir;
}
