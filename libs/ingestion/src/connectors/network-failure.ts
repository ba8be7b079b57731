import { ConnectorError } from './connector.error';
import { errorCode, errorMessage } from './error-details';

const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME']);
const TIMED_OUT = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Turns what fetch throws (`TypeError: fetch failed` with the socket error as `cause`, sometimes an
 * AggregateError of one error per address tried) into an error that names the host and the reason.
 */
export function networkFailure(error: unknown, url: URL, field = 'url'): ConnectorError {
  const cause = rootCause(error);
  const code = errorCode(cause);
  const where = url.host;
  if (code !== undefined && UNRESOLVED.has(code)) {
    return new ConnectorError('url-unreachable', `could not resolve host ${url.hostname} (${code})`, {
      field,
      cause: error,
    });
  }
  if (code !== undefined && TIMED_OUT.has(code)) {
    return new ConnectorError('timeout', `connecting to ${where} timed out (${code})`, {
      field,
      cause: error,
    });
  }
  if (errorMessage(cause) === 'bad port') {
    // fetch refuses ports browsers block (SMTP, IRC, ...), before any connection is made.
    return new ConnectorError('url-not-allowed', `port ${url.port} is blocked for fetch`, {
      field,
      cause: error,
    });
  }
  const reason = code ?? errorMessage(cause);
  return new ConnectorError('url-unreachable', `could not reach ${where}: ${reason}`, {
    field,
    cause: error,
  });
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const nested = nestedError(current);
    if (nested === undefined) break;
    current = nested;
  }
  return current;
}

function nestedError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('errors' in error && Array.isArray(error.errors) && error.errors.length > 0) return error.errors[0];
  if ('cause' in error && error.cause !== undefined) return error.cause;
  return undefined;
}
