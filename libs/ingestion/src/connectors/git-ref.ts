import * as fs from 'node:fs';
import { expandOid, readCommit, resolveRef } from 'isomorphic-git';
import { ConnectorError } from './connector.error';

export function isFullSha(ref: string): boolean {
  return /^[0-9a-f]{40}$/.test(ref);
}

/**
 * The commit `ref` names in the repository at `gitdir`: a branch, tag (annotated ones peeled), full
 * ref, HEAD, or a commit sha (abbreviated ones expanded). `git-ref-not-found` otherwise.
 */
export async function resolveCommit(gitdir: string, ref: string, cache: object): Promise<string> {
  try {
    const oid = await refOrSha(gitdir, ref, cache);
    return (await readCommit({ fs, gitdir, oid, cache })).oid;
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    throw new ConnectorError('git-ref-not-found', `${ref} does not name a commit in the repository`, {
      field: 'ref',
      cause: error,
    });
  }
}

async function refOrSha(gitdir: string, ref: string, cache: object): Promise<string> {
  try {
    return await resolveRef({ fs, gitdir, ref });
  } catch (error) {
    if (!/^[0-9a-f]{4,40}$/.test(ref)) throw error;
    return expandOid({ fs, gitdir, oid: ref, cache });
  }
}
