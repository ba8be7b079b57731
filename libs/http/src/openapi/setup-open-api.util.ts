import { DocumentBuilder, type OpenAPIObject, type SchemaObject, SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { registerSwaggerUi } from './swagger-ui.routes';

export const OPENAPI_BEARER_SCHEME = 'bearer';
export const OPENAPI_API_KEY_SCHEME = 'api-key';

// Routes that need no credentials (health probes, scrapes); documented without a security requirement.
const PUBLIC_PATH = /^\/(health|metrics)(\/|$)/;

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  /** UI at `path`, JSON at `path/json`, YAML at `path/yaml`; `/docs` by default. */
  path?: string;
}

const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is stable, branch on it',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance', 'correlationId'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://llmops.dev/problems/validation-failed' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', example: 'VALIDATION_FAILED' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * Builds the service's OpenAPI document from its controllers and zod DTOs and serves it. Every operation
 * requires a bearer token or an API key (except health and metrics) and documents problem+json as its
 * default error response. Call before `app.init()`.
 */
export function setupOpenApi(app: NestFastifyApplication, options: OpenApiOptions): OpenAPIObject {
  const path = normalizePath(options.path ?? '/docs');
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .setDescription(options.description ?? '')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, OPENAPI_BEARER_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, OPENAPI_API_KEY_SCHEME)
    .addSecurityRequirements(OPENAPI_BEARER_SCHEME)
    .addSecurityRequirements(OPENAPI_API_KEY_SCHEME)
    .build();
  const document = withProblemDetails(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)));
  SwaggerModule.setup(path, app, document, {
    ui: false,
    raw: ['json', 'yaml'],
    jsonDocumentUrl: `${path}/json`,
    yamlDocumentUrl: `${path}/yaml`,
  });
  registerSwaggerUi(app.getHttpAdapter().getInstance(), {
    path,
    title: options.title,
    jsonUrl: `${path}/json`,
  });
  return document;
}

function withProblemDetails(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_DETAILS_SCHEMA },
  };
  for (const [route, item] of Object.entries(document.paths)) {
    for (const operation of [
      item.get,
      item.put,
      item.post,
      item.delete,
      item.patch,
      item.head,
      item.options,
    ]) {
      if (!operation) continue;
      if (PUBLIC_PATH.test(route)) operation.security = [];
      operation.responses['default'] ??= {
        description: 'Error (RFC 9457 problem details)',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      };
    }
  }
  return document;
}

function normalizePath(path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') : withSlash;
}
