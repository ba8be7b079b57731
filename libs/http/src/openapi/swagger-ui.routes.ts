import type { NestFastifyInstance } from '@llmops/observability';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
} as const;

/**
 * Serves Swagger UI from the swagger-ui-dist package that @nestjs/swagger depends on. @nestjs/swagger's
 * own UI needs @fastify/static (not a dependency here); a CDN would break offline standalone installs.
 * Returns false when the assets cannot be found: the JSON document is still served.
 */
export function registerSwaggerUi(
  fastify: NestFastifyInstance,
  options: { path: string; title: string; jsonUrl: string },
): boolean {
  const assetsDir = swaggerUiDir();
  if (assetsDir === undefined) return false;
  const cache = new Map<string, Buffer>();
  for (const [file, contentType] of Object.entries(ASSETS)) {
    fastify.get(`${options.path}/${file}`, async (_request, reply) => {
      let content = cache.get(file);
      if (content === undefined) {
        content = readFileSync(join(assetsDir, file));
        cache.set(file, content);
      }
      return reply
        .header('content-type', contentType)
        .header('cache-control', 'public, max-age=3600')
        .send(content);
    });
  }
  const html = page(options);
  fastify.get(options.path, async (_request, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').send(html),
  );
  return true;
}

function swaggerUiDir(): string | undefined {
  try {
    const swaggerDir = dirname(require.resolve('@nestjs/swagger'));
    return dirname(require.resolve('swagger-ui-dist/package.json', { paths: [swaggerDir] }));
  } catch {
    return undefined;
  }
}

function page({ path, title, jsonUrl }: { path: string; title: string; jsonUrl: string }): string {
  const safeTitle = title.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${safeTitle}</title><link rel="stylesheet" href="${path}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="${path}/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: ${JSON.stringify(jsonUrl)}, dom_id: '#swagger-ui', persistAuthorization: true });</script>
</body>
</html>`;
}
