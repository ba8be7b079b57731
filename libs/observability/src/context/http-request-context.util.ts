import type { IncomingHttpHeaders } from 'node:http';
import { RequestContext, type RequestContextData } from './request-context.store';
import { childTraceparent } from './traceparent.util';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
export const REQUEST_ID_HEADER = 'x-request-id';
export const TRACEPARENT_HEADER = 'traceparent';

// Caller-supplied ids end up in logs and response headers: accept only short, plain tokens.
const SAFE_ID = /^[A-Za-z0-9._:+=@/-]{1,128}$/;

// Keyed by the raw Node request, so Fastify's genReqId, the pino-http middleware, the request-context
// hooks and the exception filter all see the same ids for one request, whichever runs first.
const contexts = new WeakMap<object, RequestContextData>();

/** The request context of one incoming HTTP request, computed once per request. */
export function resolveHttpRequestContext(req: { headers: IncomingHttpHeaders }): RequestContextData {
  const known = contexts.get(req);
  if (known) return known;
  const correlationId = safeId(req.headers[CORRELATION_ID_HEADER]) ?? safeId(req.headers[REQUEST_ID_HEADER]);
  const context = RequestContext.create({
    ...(correlationId === undefined ? {} : { correlationId }),
    // Our server span is a child of the caller's span, or the root of a new trace.
    traceparent: childTraceparent(first(req.headers[TRACEPARENT_HEADER])),
  });
  contexts.set(req, context);
  return context;
}

function safeId(value: string | string[] | undefined): string | undefined {
  const candidate = first(value)?.trim();
  return candidate !== undefined && SAFE_ID.test(candidate) ? candidate : undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
