/** How long and how big one download from an external URL may be. */
export interface DownloadLimits {
  /** Bytes after which the download is aborted (`ARTIFACT_TOO_LARGE`); at most `MAX_DOWNLOAD_BYTES`. */
  maxBytes: number;
  /** From the request until the response headers arrive (covers DNS, connect and TLS). */
  headersTimeoutMs: number;
  /** Longest gap between two chunks of the body: a stalled server fails fast, a slow one does not. */
  idleTimeoutMs: number;
  /** The whole download, headers to last byte. */
  totalTimeoutMs: number;
}

/** 10 GiB: a 7B model in fp16 fits; anything bigger belongs in the store first (upload or a trainer). */
export const MAX_DOWNLOAD_BYTES = 10 * 1024 ** 3;

// Node's fetch (undici) gives up on its own after 300 s without headers or body data; staying at or
// under that keeps our codes and messages the ones the caller sees.
export const MAX_WAIT_MS = 300_000;

/** Two hours: 10 GiB at ~1.5 MB/s. The registration request stays open that long. */
export const MAX_TOTAL_TIMEOUT_MS = 2 * 60 * 60 * 1000;

export const DEFAULT_DOWNLOAD_LIMITS: Readonly<DownloadLimits> = {
  maxBytes: MAX_DOWNLOAD_BYTES,
  headersTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  totalTimeoutMs: 60 * 60 * 1000,
};
