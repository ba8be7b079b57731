export { AppError, type AppErrorOptions } from './errors/app.error';
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export {
  codeForStatus,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  ProblemCode,
  problemTitle,
  problemTypeUri,
} from './errors/problem-codes.constants';
export type { ProblemDetails, ProblemFieldError } from './errors/problem-details.types';
export {
  mapExceptionToProblem,
  type MappedProblem,
  type ProblemRequestInfo,
} from './errors/map-exception-to-problem.util';

export { HealthModule } from './health/health.module';
export { HealthController } from './health/health.controller';
export { HEALTH_MODULE_OPTIONS, type HealthModuleOptions } from './health/health-module.options';

export {
  OPENAPI_API_KEY_SCHEME,
  OPENAPI_BEARER_SCHEME,
  setupOpenApi,
  type OpenApiOptions,
} from './openapi/setup-open-api.util';

export { HttpAppModule, type HttpAppModuleOptions } from './bootstrap/http-app.module';
export {
  createFastifyAdapter,
  DEFAULT_BODY_LIMIT_BYTES,
  type FastifyAdapterOptions,
} from './bootstrap/create-fastify-adapter.util';
export { configureHttpApp, type ConfigureHttpAppOptions } from './bootstrap/configure-http-app.util';
export {
  createGracefulShutdown,
  enableGracefulShutdown,
  type GracefulShutdownOptions,
} from './bootstrap/graceful-shutdown.util';
export {
  bootstrapHttpService,
  type BootstrapHttpServiceOptions,
} from './bootstrap/bootstrap-http-service.util';

// Validation: services build DTOs from zod schemas (one source for types, validation and OpenAPI).
export {
  createZodDto,
  ZodResponse,
  ZodSerializerDto,
  ZodValidationException,
  ZodValidationPipe,
  type ZodDto,
} from 'nestjs-zod';
