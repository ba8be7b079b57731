import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ensureBootstrapAdminKey } from '@llmops/auth';
import { ConfigError } from '@llmops/config';
import { enableGracefulShutdown } from '@llmops/http';
import * as path from 'node:path';
import { createPlatformApp } from './create-platform-app';
import { parsePlatformConfig, standaloneDefaults } from './platform.config';
import type { ServiceDefinition } from './service-definition';
import { SERVICE_PORTS, STANDALONE_PORT } from './service-ports';
import { ALL_SERVICES } from './all-services';

async function start(
  name: string,
  services: readonly ServiceDefinition[],
  env: NodeJS.ProcessEnv,
  defaultPort: number,
) {
  const config = parsePlatformConfig(env, defaultPort);
  const app: NestFastifyApplication = await createPlatformApp({ name, services, config });
  enableGracefulShutdown(app, { graceMs: config.base.SHUTDOWN_GRACE_MS });
  await app.init(); // migrations and topic provisioning run here, before any consumer subscribes
  await app.startAllMicroservices();
  await app.listen({ port: config.base.PORT, host: config.base.HOST });
  new Logger('Platform').log(
    `${name} listening on http://${config.base.HOST}:${config.base.PORT} (${config.base.LLMOPS_MODE})`,
  );
  return app;
}

function exitOnBootFailure(error: unknown): never {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `llmops failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
}

/** Distributed mode: one service per process (its `apps/<service>/src/main.ts`). */
export async function runService(name: ServiceDefinition['name'], env: NodeJS.ProcessEnv = process.env) {
  const service = ALL_SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`unknown service ${name}`);
  return start(name, [service], env, SERVICE_PORTS[name]).catch(exitOnBootFailure);
}

/**
 * Standalone mode: all seven services in one process on one port with embedded defaults under
 * `./.llmops/` (PGlite, filesystem objects, in-process events). Prints a new admin API key once.
 */
export async function runStandalone(env: NodeJS.ProcessEnv = process.env) {
  const effective = standaloneDefaults(env);
  try {
    const keyFile = effective['AUTH_API_KEYS_FILE'] ?? path.resolve('.llmops', 'api-keys.json');
    const bootstrap = await ensureBootstrapAdminKey({
      file: keyFile,
      presetKey: effective['LLMOPS_ADMIN_API_KEY'] || undefined, // empty means unset, as everywhere else
      log: (message) => process.stderr.write(`${message}\n`),
    });
    if (bootstrap.outcome === 'generated') {
      process.stdout.write(
        `\n  llmops admin API key (shown once; only its hash is stored in ${keyFile}):\n\n    ${bootstrap.key}\n\n`,
      );
    }
  } catch (error) {
    exitOnBootFailure(error);
  }
  return start('standalone', ALL_SERVICES, effective, STANDALONE_PORT).catch(exitOnBootFailure);
}
