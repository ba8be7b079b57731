import type { NestFastifyInstance } from '@llmops/observability';

/** The parts of an error raised by Fastify itself (body parsing, routing) that the filter needs. */
export interface CapturedFastifyError {
  name: string;
  code: string | undefined;
  statusCode: number | undefined;
}

const captured = new WeakMap<object, CapturedFastifyError>();

/**
 * Nest turns Fastify's own errors into a bare HttpException(message, status) before exception filters see
 * them, dropping Fastify's error code. This onError hook (which runs before Nest's error handler) keeps
 * the code per request, so the filter can tell a malformed JSON body from any other 400.
 */
export function registerFastifyErrorCapture(fastify: NestFastifyInstance): void {
  fastify.addHook('onError', (request, _reply, error, done) => {
    captured.set(request.raw, {
      name: error.name,
      code: typeof error.code === 'string' ? error.code : undefined,
      statusCode: typeof error.statusCode === 'number' ? error.statusCode : undefined,
    });
    done();
  });
}

export function capturedFastifyError(rawRequest: object): CapturedFastifyError | undefined {
  return captured.get(rawRequest);
}
