/**
 * Stable codes for every way a source connector fails on purpose. They cross process boundaries
 * (problem+json, job records, dead letters) where `instanceof` does not, so callers branch on `code`.
 */
export const CONNECTOR_ERROR_CODES = [
  'invalid-config',
  'unsupported-kind',
  'secret-not-set',
  'url-not-allowed',
  'url-unreachable',
  'http-status',
  'content-type-not-allowed',
  'input-too-large',
  'timeout',
  'redirect-limit',
  'git-repo-not-found',
  'git-clone-failed',
  'git-ref-not-found',
  'no-files-matched',
  'connect-failed',
  'query-failed',
  'query-not-read-only',
  's3-prefix-empty',
] as const;

export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

export interface ConnectorErrorOptions {
  /** The config field at fault (`url`, `ref`, `maxBytes`, `query`), so the API can point at it. */
  field?: string;
  /** The HTTP status a remote answered with, for `http-status` (callers retry 5xx, not 4xx). */
  status?: number;
  cause?: unknown;
}

/** A source could not be read as configured; `code` says why, `field` which setting to fix. */
export class ConnectorError extends Error {
  readonly field: string | undefined;
  readonly status: number | undefined;

  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    options: ConnectorErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.field = options.field;
    this.status = options.status;
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
