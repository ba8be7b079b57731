import type { NestFastifyInstance } from '../nest-fastify-instance.type';
import { CORRELATION_ID_HEADER, resolveHttpRequestContext } from './http-request-context.util';
import { RequestContext } from './request-context.store';

/**
 * Opens a RequestContext for every request and echoes the correlation id. Register before `app.init()`
 * (Fastify fixes a route's hooks when the route is registered).
 *
 * The context is entered twice on purpose: body parsing runs in stream callbacks that lose the async
 * context entered in onRequest, so it is entered again in preValidation, right before guards, pipes
 * and the handler run.
 */
export function registerRequestContextHooks(fastify: NestFastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const context = resolveHttpRequestContext(request.raw);
    void reply.header(CORRELATION_ID_HEADER, context.correlationId);
    RequestContext.run(context, done);
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    RequestContext.run(resolveHttpRequestContext(request.raw), done);
  });
}
