import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { createServiceDataSource, initializeDataSource } from './create-data-source';
import type { DatabaseConfig } from './database.config';
import { TransactionHost } from './transaction-host';
import { isConnectionError } from './is-connection-error';
import { checkDatabase } from './database-readiness';
import { ReadinessRegistry } from '@llmops/observability';

export interface DatabaseModuleOptions {
  config: DatabaseConfig;
  /** PostgreSQL schema owned by the service (its name). */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  migrations?: MixedList<Function | string>;
  /** How long boot waits for the database to accept connections. */
  connectTimeoutMs?: number;
}

const OPTIONS = Symbol('DatabaseModuleOptions');

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(OPTIONS) private readonly options: DatabaseModuleOptions,
    private readonly host: TransactionHost,
    @Optional() readiness?: ReadinessRegistry,
  ) {
    readiness?.register(`database:${options.schema}`, () => checkDatabase(host.dataSource));
  }

  /** Connects and migrates, waiting for a database that is still starting (compose, restarts). */
  async onModuleInit(): Promise<void> {
    const deadline = Date.now() + (this.options.connectTimeoutMs ?? 60_000);
    for (let attempt = 1; ; attempt++) {
      try {
        await initializeDataSource(this.host.dataSource, this.options.schema);
        return;
      } catch (error) {
        if (!isConnectionError(error) || Date.now() > deadline) throw error;
        this.logger.warn(`database not reachable yet (attempt ${attempt}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * attempt)));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.host.dataSource.isInitialized) await this.host.dataSource.destroy();
  }
}

/**
 * A service's database: its DataSource (own schema, own migrations run at boot) and the
 * TransactionHost that use cases, the outbox and the idempotency store share.
 */
@Module({})
export class DatabaseModule {
  static forService(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: TransactionHost,
          useFactory: (): TransactionHost => new TransactionHost(createServiceDataSource(options)),
        },
        {
          provide: 'DataSource',
          useFactory: (host: TransactionHost): DataSource => host.dataSource,
          inject: [TransactionHost],
        },
        DatabaseLifecycle,
      ],
      exports: [TransactionHost],
    };
  }
}
