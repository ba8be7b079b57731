/** One failing input field; `path` is dotted (`items.0.sku`), empty for the input as a whole. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/**
 * RFC 9457 problem details, as every llmops service answers an error (`application/problem+json`).
 * Extension members (e.g. auth's `requiredRoles`) may appear beside the standard ones.
 */
export interface ProblemDetails {
  /** `https://llmops.dev/problems/<code-kebab>`; one per stable code. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine-readable code (`DATASET_NOT_FOUND`); clients branch on this, never on `detail`. */
  code: string;
  /** Path (and query) of the request that failed. */
  instance: string;
  /** Quote this in a support request: it finds every log line of the failed request. */
  correlationId: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}
