import type { ModelArtifact } from '@llmops/contracts';
import { isStorageError, type ObjectStore, type StoredObject } from '@llmops/storage';
import { z } from 'zod';
import type { ExecutorRun } from '../training-executor';
import { artifactRole, type ArtifactRole } from './artifact-role';

/**
 * Manifest a trainer may write as `output/llmops-files.json` to name files it uploaded without a
 * checksum record (plain S3 PUTs): `{ "files": ["model.safetensors", { "path": "config.json",
 * "sha256": "<hex>" }] }`, paths relative to `output/`. The executor seals each (checking `sha256`
 * when given). It is read, not reported as an artifact.
 */
export const ARTIFACT_MANIFEST_FILE = 'llmops-files.json';

const ManifestSchema = z.object({
  files: z.array(
    z.union([
      z.string().min(1),
      z.object({
        path: z.string().min(1),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      }),
    ]),
  ),
});

export type CollectedArtifacts = { ok: true; artifacts: ModelArtifact[] } | { ok: false; problem: string };

/**
 * The run's artifacts under `<outputKeyPrefix>output/`: objects already committed (the store lists only
 * those), plus the files the manifest names, sealed here. Ordered by key.
 */
export async function collectRunArtifacts(
  store: ObjectStore,
  outputKeyPrefix: string,
  method: ExecutorRun['method'],
): Promise<CollectedArtifacts> {
  const folder = `${outputKeyPrefix}output/`;
  const manifestKey = `${folder}${ARTIFACT_MANIFEST_FILE}`;
  const objects = new Map<string, StoredObject>();
  for (const key of await store.listAll(folder)) {
    if (key !== manifestKey) objects.set(key, await store.stat(key));
  }
  const manifest = await readManifest(store, manifestKey);
  if (!manifest.ok) return manifest;
  for (const entry of manifest.files) {
    const key = `${folder}${entry.path}`;
    if (objects.has(key)) continue;
    try {
      objects.set(
        key,
        await store.seal(key, entry.sha256 === undefined ? {} : { expectedSha256: entry.sha256 }),
      );
    } catch (error) {
      return {
        ok: false,
        problem: `cannot seal ${entry.path} named in ${ARTIFACT_MANIFEST_FILE}: ${messageOf(error)}`,
      };
    }
  }
  const artifacts = [...objects.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((object) => toArtifact(object, artifactRole(object.key.slice(folder.length), method)));
  return { ok: true, artifacts };
}

/** Committed objects under `prefix` (no sealing: for the partial results of failed or cancelled runs). */
export async function listCommittedArtifacts(
  store: ObjectStore,
  prefix: string,
  role: ArtifactRole,
): Promise<ModelArtifact[]> {
  try {
    const keys = (await store.listAll(prefix)).sort();
    const objects = await Promise.all(keys.map((key) => store.stat(key)));
    return objects.map((object) => toArtifact(object, role));
  } catch {
    // Partial results are a courtesy; the run's outcome does not depend on them.
    return [];
  }
}

function toArtifact(object: StoredObject, role: ArtifactRole): ModelArtifact {
  return { uri: object.uri, sha256: object.sha256, size: object.size, role };
}

async function readManifest(
  store: ObjectStore,
  key: string,
): Promise<{ ok: true; files: { path: string; sha256?: string }[] } | { ok: false; problem: string }> {
  let text: string;
  try {
    // The trainer uploaded it without a record like the rest; sealing it is how the store reads it.
    if (!(await store.exists(key))) await store.seal(key);
    text = (await store.getBuffer(key, 16 * 1024 * 1024)).toString('utf8');
  } catch (error) {
    if (isStorageError(error) && error.code === 'STORAGE_NOT_FOUND') return { ok: true, files: [] };
    return { ok: false, problem: `cannot read ${ARTIFACT_MANIFEST_FILE}: ${messageOf(error)}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${ARTIFACT_MANIFEST_FILE} is not JSON` };
  }
  const manifest = ManifestSchema.safeParse(parsed);
  if (!manifest.success) {
    return {
      ok: false,
      problem: `${ARTIFACT_MANIFEST_FILE} is invalid: ${manifest.error.issues[0]?.message ?? ''}`,
    };
  }
  const files = manifest.data.files.map((entry) => (typeof entry === 'string' ? { path: entry } : entry));
  const bad = files.find(
    (entry) =>
      entry.path.startsWith('/') ||
      entry.path.split('/').some((part) => part === '..' || part === '.' || part === ''),
  );
  if (bad) return { ok: false, problem: `${ARTIFACT_MANIFEST_FILE} names an unsafe path: ${bad.path}` };
  return { ok: true, files };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
