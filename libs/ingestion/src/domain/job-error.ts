import type { ErrorInfo } from '@llmops/contracts';

/** Failures worth retrying: the infrastructure blinked, not the input. */
const TRANSIENT = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|Connection terminated/i;

/**
 * Turns whatever a build threw into the event's error info: library errors carry kebab-case codes
 * (`gzip-ratio-exceeded`, `url-unreachable`), which become `INGESTION_GZIP_RATIO_EXCEEDED`, ...
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'build-failed';
  const message = error instanceof Error ? error.message : String(error);
  const normalized = code
    .replace(/[^a-z0-9]+/gi, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return {
    code: `INGESTION_${/^[A-Z]/.test(normalized) ? normalized : `E_${normalized}`}`,
    message: message.length > 0 ? message.slice(0, 2000) : code,
    retryable: TRANSIENT.test(message),
  };
}
