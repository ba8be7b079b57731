import type { DynamicModule } from '@nestjs/common';
import type { EntitySchema, MixedList } from 'typeorm';
import { DatabaseModule, type DatabaseConfig } from '@llmops/persistence';
import { MessagingModule } from './messaging.module';
import { messagingTablesMigration } from './outbox/messaging-tables.migration';

/** What the host hands every feature module: where its database is. */
export interface ServiceInfraOptions {
  database: DatabaseConfig;
  /** The process environment, for the service's own settings (parsed once at boot by its config.ts). */
  env?: NodeJS.ProcessEnv;
}

export interface ServiceDataOptions extends ServiceInfraOptions {
  service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities?: MixedList<Function | string | EntitySchema>;
  /** The service's own migrations; the messaging tables migration runs before them. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  migrations?: Function[];
}

/**
 * The two modules every service imports: its database (own schema, messaging tables + its migrations)
 * and its messaging (outbox publisher, relay, event server) joined to that database.
 */
export function serviceDataModules(options: ServiceDataOptions): DynamicModule[] {
  const database = DatabaseModule.forService({
    config: options.database,
    schema: options.service,
    entities: options.entities ?? [],
    migrations: [messagingTablesMigration(options.service), ...(options.migrations ?? [])],
  });
  const messaging = MessagingModule.forService({
    service: options.service,
    database,
    relayDatabase: options.database.driver === 'postgres' ? options.database : undefined,
  });
  return [database, messaging];
}
