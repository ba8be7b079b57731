import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { hostname } from 'node:os';
import pino, { type DestinationStream, type LevelWithSilent, type LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { CORRELATION_ID_HEADER, resolveHttpRequestContext } from '../context/http-request-context.util';
import { RequestContext } from '../context/request-context.store';
import { parseTraceparent } from '../context/traceparent.util';

/** Credentials never reach a log line, whichever object they were logged under. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  '*.headers.cookie',
];

// Probes and scrapes arrive every few seconds; logging each would bury the requests that matter.
const QUIET_PATHS = /^\/(health\/(live|ready)|metrics)(\?|$)/;

export interface LoggerModuleOptions {
  /** Where JSON lines go; stdout by default. Tests pass a stream to read the lines back. */
  stream?: DestinationStream;
}

/**
 * pino options shared by HTTP and non-HTTP code (CLI, workers): JSON lines with `service`, and — inside a
 * RequestContext — `correlationId`, `traceId` and `causationId`. They come from a mixin rather than child
 * bindings, so a line never carries the same key twice.
 */
export function buildLoggerOptions(serviceName: string, level: LevelWithSilent): LoggerOptions {
  return {
    level,
    base: { service: serviceName, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    mixin: () => contextFields(RequestContext.current()),
  };
}

/** A plain pino logger with the same format, for code that runs outside Nest. */
export function createLogger(
  serviceName: string,
  level: LevelWithSilent,
  stream?: DestinationStream,
): pino.Logger {
  return stream
    ? pino(buildLoggerOptions(serviceName, level), stream)
    : pino(buildLoggerOptions(serviceName, level));
}

/**
 * nestjs-pino module: app logs through Nest's Logger/PinoLogger plus one "request completed" line per
 * request. Each request gets a correlation id from `x-correlation-id` or `x-request-id` (else a new
 * UUIDv7), echoed back in `x-correlation-id`.
 */
export function createLoggerModule(
  serviceName: string,
  level: LevelWithSilent,
  options: LoggerModuleOptions = {},
): DynamicModule {
  const httpOptions: PinoHttpOptions = {
    ...buildLoggerOptions(serviceName, level),
    quietReqLogger: true,
    genReqId: (req, res) => {
      const { correlationId } = resolveHttpRequestContext(req);
      res.setHeader(CORRELATION_ID_HEADER, correlationId);
      return correlationId;
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.test(originalUrl(req)) },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // The completion line is written from a 'finish' listener, where the async context may be gone.
    customSuccessObject: (req, _res, value: object) => ({ ...value, ...requestFields(req) }),
    customErrorObject: (req, _res, _error, value: object) => ({ ...value, ...requestFields(req) }),
  };
  return LoggerModule.forRoot({ pinoHttp: options.stream ? [httpOptions, options.stream] : httpOptions });
}

/** Middie strips the mount path from `req.url` inside middleware and keeps the full path here. */
function originalUrl(req: IncomingMessage & { originalUrl?: string }): string {
  return req.originalUrl ?? req.url ?? '';
}

function requestFields(req: IncomingMessage): Record<string, string> {
  return contextFields(resolveHttpRequestContext(req));
}

function contextFields(context: ReturnType<typeof RequestContext.current>): Record<string, string> {
  if (!context) return {};
  const traceId = parseTraceparent(context.traceparent)?.traceId;
  return {
    correlationId: context.correlationId,
    ...(traceId === undefined ? {} : { traceId }),
    ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
  };
}
