import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { resolveHttpRequestContext } from '@llmops/observability';

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
  });
}
