import { STATUS_CODES } from 'node:http';

export const PROBLEM_TYPE_BASE = 'https://llmops.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * Codes this lib produces itself. They are part of the public API (clients branch on them): never rename
 * one, add a new one. Services add their own codes through AppError (`DATASET_NOT_FOUND`, ...).
 */
export const ProblemCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_BODY: 'MALFORMED_BODY',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  AUTH_UNAUTHENTICATED: 'AUTH_UNAUTHENTICATED',
  AUTH_FORBIDDEN: 'AUTH_FORBIDDEN',
  BAD_REQUEST: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  CONFLICT: 'CONFLICT',
  GONE: 'GONE',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  UNPROCESSABLE_CONTENT: 'UNPROCESSABLE_CONTENT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  BAD_GATEWAY: 'BAD_GATEWAY',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  GATEWAY_TIMEOUT: 'GATEWAY_TIMEOUT',
} as const;

export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

// Code for an HttpException that did not name one (`throw new ConflictException('...')`).
const CODE_BY_STATUS: Readonly<Record<number, ProblemCode>> = {
  400: ProblemCode.BAD_REQUEST,
  401: ProblemCode.AUTH_UNAUTHENTICATED,
  403: ProblemCode.AUTH_FORBIDDEN,
  404: ProblemCode.NOT_FOUND,
  405: ProblemCode.METHOD_NOT_ALLOWED,
  406: ProblemCode.NOT_ACCEPTABLE,
  409: ProblemCode.CONFLICT,
  410: ProblemCode.GONE,
  412: ProblemCode.PRECONDITION_FAILED,
  413: ProblemCode.PAYLOAD_TOO_LARGE,
  415: ProblemCode.UNSUPPORTED_MEDIA_TYPE,
  422: ProblemCode.UNPROCESSABLE_CONTENT,
  429: ProblemCode.RATE_LIMITED,
  500: ProblemCode.INTERNAL,
  501: ProblemCode.NOT_IMPLEMENTED,
  502: ProblemCode.BAD_GATEWAY,
  503: ProblemCode.SERVICE_UNAVAILABLE,
  504: ProblemCode.GATEWAY_TIMEOUT,
};

const TITLES: Readonly<Partial<Record<string, string>>> = {
  [ProblemCode.VALIDATION_FAILED]: 'Request validation failed',
  [ProblemCode.MALFORMED_BODY]: 'Malformed request body',
  [ProblemCode.AUTH_UNAUTHENTICATED]: 'Authentication required',
  [ProblemCode.AUTH_FORBIDDEN]: 'Not allowed',
  [ProblemCode.INTERNAL]: 'Internal server error',
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? `HTTP_${status}`;
}

/** `DATASET_NOT_FOUND` → `https://llmops.dev/problems/dataset-not-found`. */
export function problemTypeUri(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

/** One title per code (RFC 9457: the title does not change between occurrences of a type). */
export function problemTitle(code: string, status: number): string {
  const known = TITLES[code];
  if (known !== undefined) return known;
  const fromCode = code.toLowerCase().replace(/_/g, ' ');
  return /^http \d+$/.test(fromCode)
    ? (STATUS_CODES[status] ?? 'Error')
    : fromCode.charAt(0).toUpperCase() + fromCode.slice(1);
}
