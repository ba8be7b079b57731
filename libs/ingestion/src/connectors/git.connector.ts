/**
 * Git source: reads the text files of a repository at one commit, each as a `bytes` input named by
 * its repo-relative path, typed text/plain (code archives become plain-text records) and carrying the
 * commit sha for provenance.
 *
 * A `url` is cloned with isomorphic-git into a scratch folder under `ctx.tmpDir` (removed afterwards,
 * also on failure); a `path` is read in place, never written. Files are picked from the tree by the
 * include/exclude globs before any blob is read, so `maxFiles` fails fast. Blobs with a NUL byte in
 * their first 8000 bytes (binary, by git's own test) and blobs over `maxFileBytes` are skipped and
 * reported through `ctx.onSkip`. Each blob is read whole (isomorphic-git inflates objects in memory),
 * which is what `maxFileBytes` keeps small.
 *
 * A `path` lets a source read any repository the worker can see: the service decides who may use it.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBlob } from 'isomorphic-git';
import { looksBinary } from './binary-sniff';
import { ConnectorError } from './connector.error';
import type { ConnectorContext } from './connector-context';
import { cloneRepository } from './git-clone';
import { isFullSha, resolveCommit } from './git-ref';
import { listTreeFiles } from './git-tree';
import { GitSourceConfigSchema, type GitSourceConfig } from './git.config';
import { globFilter } from './glob-filter';
import { defineConnector } from './source-connector';
import type { SourceInput } from './source-input';

export const gitConnector = defineConnector('git', GitSourceConfigSchema, openGitSource);

export async function* openGitSource(
  config: GitSourceConfig,
  ctx: ConnectorContext,
): AsyncGenerator<SourceInput, void, undefined> {
  ctx.signal.throwIfAborted();
  const cache = {};
  const scratch = config.url === undefined ? undefined : await mkdtemp(join(ctx.tmpDir, 'git-'));
  try {
    const { gitdir, ref } = await openRepository(config, scratch, cache, ctx.signal);
    const commit = await resolveCommit(gitdir, ref, cache);
    const files = await listTreeFiles(gitdir, commit, cache, globFilter(config.include, config.exclude));
    if (files.length === 0) {
      throw new ConnectorError(
        'no-files-matched',
        `no file at ${config.ref} (${commit}) matches include/exclude`,
        {
          field: 'include',
        },
      );
    }
    if (files.length > config.maxFiles) {
      throw new ConnectorError(
        'input-too-large',
        `${files.length} files match, over maxFiles ${config.maxFiles}`,
        {
          field: 'maxFiles',
        },
      );
    }
    const repo = repoUri(config);
    for (const file of files) {
      ctx.signal.throwIfAborted();
      const { blob } = await readBlob({ fs, gitdir, oid: file.oid, cache });
      if (blob.byteLength > config.maxFileBytes) {
        ctx.onSkip?.({ name: file.path, reason: 'too-large', bytes: blob.byteLength });
        continue;
      }
      if (looksBinary(blob)) {
        ctx.onSkip?.({ name: file.path, reason: 'binary', bytes: blob.byteLength });
        continue;
      }
      yield {
        kind: 'bytes',
        name: file.path,
        contentType: 'text/plain',
        uri: `git+${repo}@${commit}#${file.path}`,
        commit,
        body: once(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength)),
      };
    }
  } finally {
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  }
}

/** Where the objects are and which ref to read there: a fresh clone's HEAD, or the local repo's `ref`. */
async function openRepository(
  config: GitSourceConfig,
  scratch: string | undefined,
  cache: object,
  signal: AbortSignal,
): Promise<{ gitdir: string; ref: string }> {
  if (config.url === undefined || scratch === undefined) {
    return { gitdir: await findGitdir(config.path ?? ''), ref: config.ref };
  }
  const { url, ref, maxCloneBytes, timeoutMs } = config;
  await cloneRepository(scratch, { url, ref, maxCloneBytes, timeoutMs, cache }, signal);
  // The clone checked a branch or tag out as HEAD; a commit sha is looked up as is.
  return { gitdir: join(scratch, '.git'), ref: isFullSha(ref) ? ref : 'HEAD' };
}

/** `<path>/.git` for a working copy, `<path>` itself for a bare repository. */
async function findGitdir(path: string): Promise<string> {
  for (const candidate of [join(path, '.git'), path]) {
    const found = await stat(join(candidate, 'HEAD')).then(
      (info) => info.isFile(),
      () => false,
    );
    if (found) return candidate;
  }
  throw new ConnectorError('git-repo-not-found', `${path} is not a git repository`, { field: 'path' });
}

function repoUri(config: GitSourceConfig): string {
  return config.url ?? pathToFileURL(config.path ?? '').href;
}

// eslint-disable-next-line @typescript-eslint/require-await -- the body type is an async iterable
async function* once(chunk: Buffer): AsyncGenerator<Buffer, void, undefined> {
  yield chunk;
}
