import { HttpException } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { CORRELATION_ID_HEADER, resolveHttpRequestContext } from '@llmops/observability';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mapExceptionToProblem } from '../errors/map-exception-to-problem.util';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-codes.constants';

/** Large enough for batch ingestion and chat payloads; bigger uploads go to object storage, not JSON. */
export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export interface FastifyAdapterOptions {
  bodyLimit?: number;
}

/** Fastify with request ids equal to correlation ids, so Fastify's own ids and ours never disagree. */
export function createFastifyAdapter(options: FastifyAdapterOptions = {}): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => resolveHttpRequestContext(req).correlationId,
    // Answer 503 to requests that arrive while closing, and drop idle keep-alive sockets at close.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors: answerFrameworkError,
  });
}

// Structural types: @nestjs/platform-fastify pins its own Fastify copy, whose types differ from the root one.
interface RouterError {
  name: string;
  message: string;
  code: string;
  statusCode?: number;
}
interface RouterReply {
  raw: ServerResponse;
  hijack(): unknown;
}

/**
 * Errors Fastify's router raises before any route, hook or Nest filter runs (a badly encoded URL):
 * answered as problem+json too, instead of Fastify's own JSON shape.
 */
function answerFrameworkError(
  error: RouterError,
  request: { raw: IncomingMessage },
  reply: RouterReply,
): void {
  const { correlationId } = resolveHttpRequestContext(request.raw);
  const { problem } = mapExceptionToProblem(new HttpException(error.message, error.statusCode ?? 400), {
    method: request.raw.method ?? 'GET',
    url: request.raw.url ?? '/',
    correlationId,
    routeNotFound: false,
    fastifyError: { name: error.name, code: error.code, statusCode: error.statusCode },
  });
  // Written on the raw response: Fastify's reply generics differ between its two installed copies.
  reply.hijack();
  reply.raw.statusCode = problem.status;
  reply.raw.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  reply.raw.setHeader(CORRELATION_ID_HEADER, correlationId);
  reply.raw.end(JSON.stringify(problem));
}
