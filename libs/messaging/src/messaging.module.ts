import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createServiceDataSource, TransactionHost, type DatabaseConfig } from '@llmops/persistence';
import { EventServer } from './consumer/event-server';
import { EventServerRegistry } from './event-server-registry';
import type { MessagingConfig } from './messaging.config';
import { MESSAGING_CONFIG } from './messaging.tokens';
import { EventPublisher } from './outbox/event-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { EventTransport } from './transport/event-transport';
import { MetricsRegistry } from '@llmops/observability';
import { prometheusMessagingMetrics } from './messaging-metrics';

const OPTIONAL_METRICS = { token: MetricsRegistry, optional: true };

export interface MessagingModuleOptions {
  /** The service name: its schema, its consumer group, the `source` of its events. */
  service: string;
  /** The service's DatabaseModule (the same object the service module imports). */
  database: DynamicModule;
  /**
   * PostgreSQL only: the relay gets its own small pool (and LISTENs on it), so request traffic that
   * saturates the service's pool cannot starve the outbox. Omit for the embedded database.
   */
  relayDatabase?: Extract<DatabaseConfig, { driver: 'postgres' }>;
}

/** The relay's own connections (PostgreSQL); the service's TransactionHost otherwise. */
const RELAY_TX_HOST = Symbol('RelayTransactionHost');

@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(RELAY_TX_HOST) private readonly relayHost: TransactionHost,
    private readonly serviceHost: TransactionHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.relayHost.dataSource.isInitialized) await this.relayHost.dataSource.initialize();
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    if (this.relayHost !== this.serviceHost && this.relayHost.dataSource.isInitialized) {
      await this.relayHost.dataSource.destroy();
    }
  }
}

/** A service's messaging: its outbox publisher and relay, and its event server (consumer). */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [options.database],
      providers: [
        {
          provide: RELAY_TX_HOST,
          inject: [TransactionHost],
          useFactory: (txHost: TransactionHost) =>
            options.relayDatabase
              ? new TransactionHost(
                  createServiceDataSource({
                    config: { ...options.relayDatabase, poolSize: 2 },
                    schema: options.service,
                  }),
                )
              : txHost,
        },
        {
          provide: OutboxRelay,
          inject: [RELAY_TX_HOST, EventTransport, MESSAGING_CONFIG, EventServerRegistry, OPTIONAL_METRICS],
          useFactory: (
            txHost: TransactionHost,
            transport: EventTransport,
            config: MessagingConfig,
            registry: EventServerRegistry,
            metrics?: MetricsRegistry,
          ) => {
            const relay = new OutboxRelay(txHost, transport, {
              schema: options.service,
              batchSize: config.relayBatchSize,
              pollMs: config.relayPollMs,
              listenUrl: options.relayDatabase?.url,
              metrics: metrics ? prometheusMessagingMetrics(metrics) : undefined,
              sendInsideTransaction: config.transport === 'kafka',
            });
            registry.relays.set(options.service, relay);
            return relay;
          },
        },
        {
          provide: EventPublisher,
          inject: [TransactionHost, OutboxRelay, EventServerRegistry],
          useFactory: (txHost: TransactionHost, relay: OutboxRelay, registry: EventServerRegistry) => {
            const publisher = new EventPublisher(options.service, txHost, relay);
            registry.publishers.set(options.service, publisher);
            return publisher;
          },
        },
        {
          provide: EventServer,
          inject: [TransactionHost, EventTransport, MESSAGING_CONFIG, EventServerRegistry, OPTIONAL_METRICS],
          useFactory: (
            txHost: TransactionHost,
            transport: EventTransport,
            config: MessagingConfig,
            registry: EventServerRegistry,
            metrics?: MetricsRegistry,
          ) => {
            const server = new EventServer({
              service: options.service,
              txHost,
              transport,
              maxAttempts: config.maxAttempts,
              retryBackoffMs: config.retryBackoffMs,
              metrics: metrics ? prometheusMessagingMetrics(metrics) : undefined,
            });
            registry.servers.push(server);
            return server;
          },
        },
        RelayLifecycle,
      ],
      exports: [EventPublisher, options.database],
    };
  }
}
