import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { TransactionHost } from '@llmops/persistence';
import type { EventTransport, Subscription } from '../transport/event-transport';
import { parseConsumerPattern } from './consume-event.decorator';
import { EventConsumer, type EventHandlerFn } from './event-consumer';
import type { MessagingMetrics } from '../messaging-metrics';

export interface EventServerOptions {
  service: string;
  txHost: TransactionHost;
  transport: EventTransport;
  maxAttempts: number;
  retryBackoffMs: number;
  metrics?: MessagingMetrics;
}

/**
 * A Nest microservice transport strategy: collects this service's `@ConsumeEvent` handlers and feeds
 * them from the configured transport through the idempotent, dead-lettering consumer.
 */
export class EventServer extends Server implements CustomTransportStrategy {
  private subscription?: Subscription;
  private consumer?: EventConsumer;

  constructor(private readonly options: EventServerOptions) {
    super();
  }

  get service(): string {
    return this.options.service;
  }

  /** Delivery counters (handled, duplicate, dead-lettered) for tests and metrics. */
  get counts(): EventConsumer['counts'] | undefined {
    return this.consumer?.counts;
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers = new Map<string, EventHandlerFn>();
      for (const [pattern, handler] of this.messageHandlers) {
        const parsed = parseConsumerPattern(pattern);
        if (parsed?.consumer !== this.options.service) continue;
        // Several handlers of one service for one topic are chained by Nest (`next`); all run, in
        // declaration order, inside the one transaction that also records the event as processed.
        const chain: MessageHandler[] = [];
        for (let h: MessageHandler | undefined = handler; h; h = h.next) chain.push(h);
        handlers.set(parsed.topic, async (event, context) => {
          for (const link of chain) {
            const result: unknown = await link(event, context);
            if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
          }
        });
      }
      if (handlers.size > 0) {
        const { service, txHost, transport, maxAttempts, retryBackoffMs, metrics } = this.options;
        this.consumer = new EventConsumer({
          groupId: service,
          schema: service,
          txHost,
          transport,
          handlers,
          maxAttempts,
          retryBackoffMs,
          metrics,
        });
        this.subscription = await transport.subscribe(service, [...handlers.keys()], this.consumer.sink);
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.consumer?.stop();
    await this.subscription?.close();
    this.subscription = undefined;
  }

  on(): never {
    throw new Error('EventServer has no events to listen to');
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Nest's Server declares unwrap<T>()
  unwrap<T = EventTransport>(): T {
    return this.options.transport as unknown as T;
  }
}
