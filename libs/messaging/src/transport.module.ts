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
import { dlqTopic, EVENTS, SERVICE_NAMES } from '@llmops/contracts';
import { ReadinessRegistry } from '@llmops/observability';
import { MESSAGING_CONFIG } from './messaging.tokens';
import type { MessagingConfig } from './messaging.config';
import { EventServerRegistry } from './event-server-registry';
import { EventTransport } from './transport/event-transport';
import { InProcessEventTransport } from './transport/in-process-event-transport';
import { KafkaEventTransport } from './transport/kafka-event-transport';

/** Every topic of the registry plus each service's dead-letter topic. */
export function allTopics(): string[] {
  return [...Object.keys(EVENTS), ...SERVICE_NAMES.map((service) => dlqTopic(service))];
}

export function createTransport(config: MessagingConfig): EventTransport {
  return config.transport === 'kafka'
    ? new KafkaEventTransport({
        brokers: config.brokers,
        clientId: config.clientId,
        topicPrefix: config.topicPrefix,
        consumerBatchSize: config.consumerBatchSize,
      })
    : new InProcessEventTransport();
}

@Injectable()
class TransportLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Transport');

  constructor(
    private readonly transport: EventTransport,
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
    @Optional() readiness?: ReadinessRegistry,
  ) {
    readiness?.register(config.transport === 'kafka' ? 'kafka' : 'event-bus', async () => {
      try {
        await transport.ping();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    });
  }

  /** Topics come from the registry at boot; waits for a broker that is still starting. */
  async onModuleInit(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.transport.provisionTopics(allTopics(), this.config.partitions);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.logger.warn(`broker not ready (attempt ${attempt}): ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}

/** The process-wide transport (one Kafka client or one in-process bus), shared by every service module. */
@Module({})
export class TransportModule {
  static forRoot(config: MessagingConfig): DynamicModule {
    return {
      global: true,
      module: TransportModule,
      providers: [
        { provide: MESSAGING_CONFIG, useValue: config },
        { provide: EventTransport, useFactory: () => createTransport(config) },
        EventServerRegistry,
        TransportLifecycle,
      ],
      exports: [EventTransport, MESSAGING_CONFIG, EventServerRegistry],
    };
  }
}
