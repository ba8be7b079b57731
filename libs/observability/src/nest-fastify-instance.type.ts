import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The Fastify instance behind a Nest app, typed from the Fastify copy that @nestjs/platform-fastify
 * itself depends on (it pins its own version, whose types do not match the root `fastify` package's).
 */
export type NestFastifyInstance = ReturnType<
  ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance']
>;
