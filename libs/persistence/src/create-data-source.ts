import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { DatabaseConfig } from './database.config';

export interface ServiceDataSourceOptions {
  config: DatabaseConfig;
  /** The service's own PostgreSQL schema; nothing else writes to it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  migrations?: MixedList<Function | string>;
}

/**
 * One DataSource per service, bound to the service's schema. Migrations are run explicitly at boot
 * (`initializeDataSource`), never `synchronize`.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const common = {
    type: 'postgres' as const,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (options.config.driver === 'postgres') {
    return new DataSource({
      ...common,
      url: options.config.url,
      extra: {
        max: options.config.poolSize,
        connectionTimeoutMillis: 3000,
        application_name: `llmops-${options.schema}`,
      },
    });
  }
  // Loaded lazily so distributed deployments never load the WASM build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGliteDriver } = require('typeorm-pglite') as typeof import('typeorm-pglite');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { uuid_ossp } = require('@electric-sql/pglite/contrib/uuid_ossp') as { uuid_ossp: unknown };
  const dataDir = options.config.dataDir === 'memory://' ? undefined : options.config.dataDir;
  return new DataSource({
    ...common,
    driver: new PGliteDriver({ dataDir, extensions: { uuid_ossp } } as ConstructorParameters<
      typeof PGliteDriver
    >[0]).driver,
  });
}

/** Connects, creates the service schema if needed, and runs pending migrations. */
export async function initializeDataSource(dataSource: DataSource, schema: string): Promise<void> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
}
