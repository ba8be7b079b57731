import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Injectable } from '@nestjs/common';
import { isStorageError, ObjectStore, type StoredObject } from '@llmops/storage';
import { displayUrl } from '../domain/artifact-url';
import { ByteLimitExceededError, limitBytes } from '../domain/byte-limit';
import { DownloadDeadlines } from '../domain/download-deadlines';
import type { DownloadLimits } from '../domain/download-limits';

/** What one download came to; anything about the remote end is an outcome, never an exception. */
export type DownloadOutcome =
  | { ok: true; stored: StoredObject }
  | { ok: false; code: 'ARTIFACT_UNREACHABLE' | 'ARTIFACT_TOO_LARGE'; message: string };

/**
 * Streams a file from an external http(s) URL into the object store: `fetch`'s body goes through a byte
 * counter straight into `ObjectStore.put`, which hashes as it writes — the file is never held in memory.
 * Object-store failures are thrown (they are ours, not the caller's).
 *
 * No SSRF protection: any host the registry can reach is fetched, private and loopback addresses
 * included. Keeping the registry away from internal endpoints is the network policy's or egress proxy's job.
 */
@Injectable()
export class ArtifactDownloadService {
  constructor(private readonly store: ObjectStore) {}

  async download(url: URL, key: string, limits: DownloadLimits): Promise<DownloadOutcome> {
    const deadlines = new DownloadDeadlines(limits);
    const unreachable = (reason: string): DownloadOutcome => ({
      ok: false,
      code: 'ARTIFACT_UNREACHABLE',
      message: `${displayUrl(url)}: ${deadlines.expired() ?? reason}`,
    });
    try {
      let response: Response;
      try {
        response = await fetch(url, { signal: deadlines.signal, redirect: 'follow' });
      } catch (error) {
        return unreachable(reasonOf(error));
      }
      deadlines.responded();
      const refusal = refuseResponse(response, limits.maxBytes, url);
      if (refusal) {
        await response.body?.cancel().catch(() => undefined);
        return refusal;
      }
      const body = Readable.from(
        limitBytes(bodyOf(response), limits.maxBytes, () => {
          deadlines.progressed();
        }),
      );
      try {
        return { ok: true, stored: await this.store.put(key, body) };
      } catch (error) {
        // A failed put commits nothing; the delete also sweeps up after a driver that left bytes behind.
        await this.store.delete(key).catch(() => undefined);
        if (deadlines.expired() === null && error instanceof ByteLimitExceededError) {
          return tooLarge(url, `more than ${limits.maxBytes} bytes (the limit)`);
        }
        // The store's own failures are ours to answer (503); anything else broke on the way in.
        if (isStorageError(error)) throw error;
        return unreachable(reasonOf(error));
      }
    } finally {
      deadlines.clear();
    }
  }
}

/** The body as a Node stream; fetch's web stream type and Node's differ only in the type declarations. */
function bodyOf(response: Response): Readable {
  if (response.body === null) return Readable.from([]);
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}

function tooLarge(url: URL, what: string): DownloadOutcome {
  return { ok: false, code: 'ARTIFACT_TOO_LARGE', message: `${displayUrl(url)}: ${what}` };
}

/** A non-2xx answer, or a Content-Length already past the limit, ends the download before the body. */
function refuseResponse(response: Response, maxBytes: number, url: URL): DownloadOutcome | null {
  if (!response.ok) {
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, code: 'ARTIFACT_UNREACHABLE', message: `${displayUrl(url)}: ${status}` };
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > maxBytes) {
    return tooLarge(url, `Content-Length ${length} bytes is over the limit of ${maxBytes}`);
  }
  return null;
}

/**
 * `fetch failed: ECONNREFUSED` rather than just `fetch failed`: undici puts the useful part in `cause`.
 * Duck-typed: undici's errors may come from another realm (`instanceof Error` is false under jest's VM).
 */
function reasonOf(error: unknown): string {
  const message = messageOf(error);
  if (typeof error !== 'object' || error === null || !('cause' in error)) return message;
  const cause: unknown = error.cause;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return `${message}: ${typeof code === 'string' ? code : messageOf(cause)}`;
}

function messageOf(value: unknown): string {
  if (
    typeof value === 'object' &&
    value !== null &&
    'message' in value &&
    typeof value.message === 'string'
  ) {
    return value.message;
  }
  return String(value);
}
