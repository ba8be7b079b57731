import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { CORRELATION_ID_HEADER, resolveHttpRequestContext } from '@llmops/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { capturedFastifyError } from './fastify-error-capture.hook';
import { mapExceptionToProblem } from './map-exception-to-problem.util';
import { PROBLEM_CONTENT_TYPE } from './problem-codes.constants';

/**
 * The one place where errors become HTTP responses: every error — from handlers, guards, pipes, Fastify's
 * body parser and its not-found handler — leaves as RFC 9457 problem+json with a stable code and the
 * correlation id. Unexpected errors are logged with their stack and answered with a generic 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      // RPC and event handlers have their own error mapping (retry vs dead-letter).
      throw exception;
    }
    const http = host.switchToHttp();
    // Nest middleware errors arrive with Node's raw request/response, everything else with Fastify's.
    const request = http.getRequest<FastifyRequest | IncomingMessage>();
    const response = http.getResponse<FastifyReply | ServerResponse>();
    const raw = 'raw' in request ? request.raw : request;
    const { correlationId } = resolveHttpRequestContext(raw);
    const method = raw.method ?? 'GET';
    const url = raw.url ?? '/';
    const { problem, internal } = mapExceptionToProblem(exception, {
      method,
      url,
      correlationId,
      routeNotFound: 'is404' in request && request.is404,
      fastifyError: capturedFastifyError(raw),
    });

    if (internal) {
      this.logger.error(
        { err: exception, correlationId, code: problem.code, method, url },
        `${method} ${url} failed with ${problem.status} ${problem.code}`,
      );
    }

    const body = JSON.stringify(problem);
    if ('raw' in response) {
      if (response.sent) return;
      void response
        .status(problem.status)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .header(CORRELATION_ID_HEADER, correlationId)
        .send(body);
      return;
    }
    if (response.headersSent) return;
    response.statusCode = problem.status;
    response.setHeader('content-type', PROBLEM_CONTENT_TYPE);
    response.setHeader(CORRELATION_ID_HEADER, correlationId);
    response.end(body);
  }
}
