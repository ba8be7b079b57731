import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReadinessRegistry } from '@llmops/observability';

export interface GracefulShutdownOptions {
  /** Hard limit for the whole shutdown; past it the process exits with code 1. */
  graceMs: number;
  signals?: NodeJS.Signals[];
}

/**
 * Shuts the app down in the order that loses no work: report not-ready (load balancers stop sending
 * traffic), stop accepting HTTP and let in-flight requests finish, then let modules close their
 * consumers, outbox relays and pools (onModuleDestroy, beforeApplicationShutdown, onApplicationShutdown).
 * Nest's own `enableShutdownHooks()` runs the module hooks first and closes HTTP last, which would cut
 * the database out from under requests still in flight; that is why it is not used.
 */
export function createGracefulShutdown(
  app: NestFastifyApplication,
  graceMs: number,
): (signal?: string) => Promise<void> {
  const logger = new Logger('Shutdown');
  let running: Promise<void> | undefined;
  return (signal) => {
    running ??= (async () => {
      const deadline = setTimeout(() => {
        logger.error(`Shutdown did not finish within ${graceMs} ms; exiting`);
        process.exit(1);
      }, graceMs);
      deadline.unref();
      logger.log(`Shutting down${signal ? ` on ${signal}` : ''}`);
      readinessOf(app)?.beginShutdown();
      try {
        await app.getHttpAdapter().close();
        await app.close();
      } finally {
        clearTimeout(deadline);
      }
    })();
    return running;
  };
}

/**
 * Wires SIGTERM/SIGINT to the graceful shutdown, then re-raises the signal so the process ends as usual.
 * Returns a function that removes the signal listeners again.
 */
export function enableGracefulShutdown(
  app: NestFastifyApplication,
  options: GracefulShutdownOptions,
): () => void {
  const shutdown = createGracefulShutdown(app, options.graceMs);
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const disable = (): void => {
    for (const name of signals) process.removeListener(name, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    disable();
    shutdown(signal).then(
      () => process.kill(process.pid, signal),
      (error: unknown) => {
        new Logger('Shutdown').error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.once(signal, onSignal);
  return disable;
}

function readinessOf(app: NestFastifyApplication): ReadinessRegistry | undefined {
  try {
    return app.get(ReadinessRegistry, { strict: false });
  } catch {
    return undefined;
  }
}
