import * as fs from 'node:fs';
import { readTree } from 'isomorphic-git';

export interface TreeFile {
  /** Repo-relative path with forward slashes. */
  path: string;
  /** Blob id. */
  oid: string;
}

// Symlinks are blobs holding a path and submodules are commits of another repository: neither is a file here.
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

/** Regular files of the commit's tree that `keep` accepts, in path order; nothing is read but trees. */
export async function listTreeFiles(
  gitdir: string,
  commit: string,
  cache: object,
  keep: (path: string) => boolean,
): Promise<TreeFile[]> {
  const files: TreeFile[] = [];
  const pending: { oid: string; prefix: string }[] = [{ oid: commit, prefix: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { tree } = await readTree({ fs, gitdir, oid: next.oid, cache });
    for (const entry of tree) {
      const path = next.prefix + entry.path;
      if (entry.type === 'tree') pending.push({ oid: entry.oid, prefix: `${path}/` });
      else if (entry.type === 'blob' && REGULAR_FILE_MODES.has(entry.mode) && keep(path)) {
        files.push({ path, oid: entry.oid });
      }
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
