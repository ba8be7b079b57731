export { PUBLIC_ROUTE_KEY, PublicRoute } from './public-route.decorator';
export type { NestFastifyInstance } from './nest-fastify-instance.type';

export { RequestContext, type RequestContextData } from './context/request-context.store';
export {
  childTraceparent,
  formatTraceparent,
  newTraceparent,
  parseTraceparent,
  type Traceparent,
} from './context/traceparent.util';
export {
  CORRELATION_ID_HEADER,
  REQUEST_ID_HEADER,
  TRACEPARENT_HEADER,
  resolveHttpRequestContext,
} from './context/http-request-context.util';
export { registerRequestContextHooks } from './context/request-context.hooks';

export {
  buildLoggerOptions,
  createLogger,
  createLoggerModule,
  REDACTED_PATHS,
  type LoggerModuleOptions,
} from './logging/create-logger-module.util';

export { MetricsModule } from './metrics/metrics.module';
export { MetricsRegistry, METRIC_PREFIX, type MetricsRegistryOptions } from './metrics/metrics.registry';
export { HTTP_REQUEST_DURATION_METRIC } from './metrics/http-metrics.hook';

export { ReadinessModule } from './readiness/readiness.module';
export { DEFAULT_READINESS_TIMEOUT_MS, ReadinessRegistry } from './readiness/readiness.registry';
export type {
  ReadinessCheck,
  ReadinessCheckReport,
  ReadinessCheckResult,
  ReadinessReport,
  ReadinessStatus,
} from './readiness/readiness-check.types';
