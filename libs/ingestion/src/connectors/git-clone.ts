import * as fs from 'node:fs';
import { clone } from 'isomorphic-git';
import {
  request,
  type GitHttpRequest,
  type GitHttpResponse,
  type HttpClient,
} from 'isomorphic-git/http/node';
import { ConnectorError } from './connector.error';
import { DownloadAbort } from './download-abort';
import { errorCode, errorMessage } from './error-details';
import { isFullSha } from './git-ref';

export interface CloneOptions {
  url: string;
  ref: string;
  maxCloneBytes: number;
  timeoutMs: number;
  /** isomorphic-git's object cache, shared with the reads that follow. */
  cache: object;
}

/**
 * Clones `url` into `dir` without a checkout (files are read from the object store, not a work
 * tree). Branches and tags clone at depth 1; a commit sha needs the full history, since the smart
 * protocol as isomorphic-git speaks it can only ask for named refs. After the clone, HEAD is `ref`.
 */
export async function cloneRepository(
  dir: string,
  options: CloneOptions,
  signal: AbortSignal,
): Promise<void> {
  const abort = new DownloadAbort(signal);
  const named = options.ref !== 'HEAD' && !isFullSha(options.ref);
  try {
    await abort.within(options.timeoutMs, `cloning ${new URL(options.url).host}`, () =>
      clone({
        fs,
        http: boundedHttp(abort, options.maxCloneBytes),
        dir,
        url: options.url,
        ...(named ? { ref: options.ref } : {}),
        singleBranch: !isFullSha(options.ref),
        ...(isFullSha(options.ref) ? {} : { depth: 1 }),
        noCheckout: true,
        cache: options.cache,
      }),
    );
  } catch (error) {
    throw abort.explain(error, (cause) => cloneFailure(cause, options));
  } finally {
    abort.release();
  }
}

/** isomorphic-git's node client, with our signal and a cap on the bytes all responses may carry. */
function boundedHttp(abort: DownloadAbort, maxBytes: number): HttpClient {
  let received = 0;
  async function* counted(body: AsyncIterableIterator<Uint8Array>): AsyncIterableIterator<Uint8Array> {
    for await (const chunk of body) {
      received += chunk.byteLength;
      if (received > maxBytes) {
        throw abort.fail(
          new ConnectorError('input-too-large', `clone passed maxCloneBytes ${maxBytes}; aborted`, {
            field: 'maxCloneBytes',
          }),
        );
      }
      yield chunk;
    }
  }
  return {
    async request(req: GitHttpRequest): Promise<GitHttpResponse> {
      const res = await request({ ...req, signal: abort.signal });
      return res.body === undefined ? res : { ...res, body: counted(res.body) };
    },
  };
}

function cloneFailure(error: unknown, options: CloneOptions): ConnectorError {
  if (errorCode(error) === 'NotFoundError' && options.ref !== 'HEAD') {
    return new ConnectorError(
      'git-ref-not-found',
      `${options.ref} is not a branch or tag of ${options.url}`,
      {
        field: 'ref',
        cause: error,
      },
    );
  }
  return new ConnectorError('git-clone-failed', `could not clone ${options.url}: ${errorMessage(error)}`, {
    field: 'url',
    cause: error,
  });
}
