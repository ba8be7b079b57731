/**
 * A failed call to the Kubernetes API, normalised from client-node's `ApiException` (HTTP status plus a
 * `Status` body) or a transport error (no status).
 */
export class KubernetesApiError extends Error {
  readonly code = 'kubernetes-api' as const;

  constructor(
    /** What the executor was doing, e.g. `create Job llmops-run-1`. */
    readonly operation: string,
    /** HTTP status; undefined when the server was not reached. */
    readonly status: number | undefined,
    /** The Status `reason` (`NotFound`, `AlreadyExists`, `Invalid`, `Forbidden`, …) when there was one. */
    readonly reason: string | undefined,
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'KubernetesApiError';
  }

  /** Worth retrying: the server was not reached, or answered 429 or 5xx. */
  get transient(): boolean {
    return this.status === undefined || this.status === 429 || this.status >= 500;
  }

  static from(operation: string, error: unknown): KubernetesApiError {
    if (error instanceof KubernetesApiError) return error;
    const status = statusOf(error);
    if (status === undefined) {
      return new KubernetesApiError(
        operation,
        undefined,
        undefined,
        error instanceof Error ? error.message : String(error),
      );
    }
    const body = statusBody((error as { body?: unknown }).body);
    return new KubernetesApiError(operation, status, body?.reason, body?.message ?? `HTTP ${status}`);
  }
}

/** True for a 404 from the API server. */
export function isNotFound(error: unknown): boolean {
  return error instanceof KubernetesApiError && error.status === 404;
}

/** True for a 409 AlreadyExists. */
export function isAlreadyExists(error: unknown): boolean {
  return error instanceof KubernetesApiError && error.status === 409;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}

/** client-node hands the error body over as text or parsed JSON, depending on the call. */
function statusBody(body: unknown): { reason?: string; message?: string } | undefined {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.trim() === '' ? undefined : { message: body.trim() };
    }
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { reason, message } = parsed as { reason?: unknown; message?: unknown };
  return {
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}
