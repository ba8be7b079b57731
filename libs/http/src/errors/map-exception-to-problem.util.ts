import { HttpException } from '@nestjs/common';
import { ZodSerializationException, ZodValidationException } from 'nestjs-zod';
import { AppError } from './app.error';
import type { CapturedFastifyError } from './fastify-error-capture.hook';
import { codeForStatus, ProblemCode, problemTitle, problemTypeUri } from './problem-codes.constants';
import type { ProblemDetails, ProblemFieldError } from './problem-details.types';

/** What the mapper needs to know about the request, independent of Nest and Fastify types. */
export interface ProblemRequestInfo {
  method: string;
  /** Path and query as received. */
  url: string;
  correlationId: string;
  /** True when no route matched (Fastify's not-found handler answered). */
  routeNotFound: boolean;
  fastifyError: CapturedFastifyError | undefined;
}

export interface MappedProblem {
  problem: ProblemDetails;
  /** Our fault: log it with its stack; the caller only sees a generic detail. */
  internal: boolean;
}

const GENERIC_INTERNAL_DETAIL = 'An unexpected error occurred. Quote the correlation id when reporting it.';

interface ProblemParts {
  code: string;
  status: number;
  detail: string;
  title?: string;
  errors?: ProblemFieldError[];
  extensions?: Record<string, unknown>;
}

// Members an exception response may carry that are either standard problem members or Nest's own.
const NOT_EXTENSIONS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
  'correlationId',
  'errors',
  'message',
  'statusCode',
  'error',
]);

/** Maps anything thrown while handling a request to problem details: see docs/operations.md for the table. */
export function mapExceptionToProblem(exception: unknown, request: ProblemRequestInfo): MappedProblem {
  const mapped = toParts(exception, request);
  // An error status outside 4xx/5xx is a bug in the thrower (and Fastify would reject it): answer 500.
  const parts = mapped && mapped.status >= 400 && mapped.status <= 599 ? mapped : undefined;
  const internal = parts === undefined;
  const { code, status, detail, title, errors, extensions } = parts ?? {
    code: ProblemCode.INTERNAL,
    status: 500,
    detail: GENERIC_INTERNAL_DETAIL,
  };
  const problem: ProblemDetails = {
    // Extensions first: they can never overwrite a standard member.
    ...extensions,
    type: problemTypeUri(code),
    title: title ?? problemTitle(code, status),
    status,
    detail,
    code,
    instance: request.url,
    correlationId: request.correlationId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return { problem, internal: internal || status >= 500 };
}

/** undefined means "unexpected": answered as a generic 500. */
function toParts(exception: unknown, request: ProblemRequestInfo): ProblemParts | undefined {
  if (exception instanceof AppError) {
    return {
      code: exception.code,
      status: exception.status,
      detail: exception.detail,
      ...(exception.title === undefined ? {} : { title: exception.title }),
      ...(exception.errors === undefined ? {} : { errors: exception.errors }),
      ...(exception.extensions === undefined ? {} : { extensions: withoutReserved(exception.extensions) }),
    };
  }
  if (exception instanceof ZodValidationException) {
    const errors = zodIssues(exception.getZodError());
    return {
      code: ProblemCode.VALIDATION_FAILED,
      status: 400,
      detail: `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
      errors,
    };
  }
  if (exception instanceof ZodSerializationException || !(exception instanceof HttpException)) {
    return undefined;
  }
  return fromHttpException(exception, request);
}

function fromHttpException(exception: HttpException, request: ProblemRequestInfo): ProblemParts | undefined {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message = messageOf(response) ?? exception.message;
  if (isRecord(response) && typeof response['code'] === 'string') {
    const errors = fieldErrors(response['errors']);
    return {
      code: response['code'],
      status,
      detail: typeof response['detail'] === 'string' ? response['detail'] : message,
      ...(typeof response['title'] === 'string' ? { title: response['title'] } : {}),
      ...(errors === undefined ? {} : { errors }),
      extensions: withoutReserved(response),
    };
  }
  if (status === 404 && request.routeNotFound) {
    return {
      code: ProblemCode.ROUTE_NOT_FOUND,
      status,
      detail: `No route for ${request.method} ${pathOf(request.url)}`,
    };
  }
  const fastifyCode = request.fastifyError?.code;
  if (
    status === 400 &&
    (fastifyCode?.startsWith('FST_ERR_CTP_') || request.fastifyError?.name === 'SyntaxError')
  ) {
    return {
      code: ProblemCode.MALFORMED_BODY,
      status,
      detail: `The request body could not be parsed: ${message}`,
    };
  }
  if (status === 500) {
    // A bare InternalServerErrorException says nothing the caller can act on, and may say too much.
    return undefined;
  }
  return { code: codeForStatus(status), status, detail: message };
}

function withoutReserved(members: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(members).filter(([key]) => !NOT_EXTENSIONS.has(key)));
}

function zodIssues(error: unknown): ProblemFieldError[] {
  if (!isRecord(error) || !Array.isArray(error['issues'])) return [];
  return error['issues'].filter(isRecord).map((issue) => ({
    path: Array.isArray(issue['path']) ? issue['path'].map((segment) => String(segment)).join('.') : '',
    message: typeof issue['message'] === 'string' ? issue['message'] : 'Invalid value',
  }));
}

function fieldErrors(value: unknown): ProblemFieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(isRecord)
    .filter((entry) => typeof entry['path'] === 'string' && typeof entry['message'] === 'string')
    .map((entry) => ({ path: String(entry['path']), message: String(entry['message']) }));
}

/** Nest's HttpException responses carry `message` as a string or (class-validator style) a list. */
function messageOf(response: unknown): string | undefined {
  if (typeof response === 'string') return response;
  if (!isRecord(response)) return undefined;
  const message = response['message'];
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map((part) => String(part)).join('; ');
  return undefined;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
