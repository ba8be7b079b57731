import { Logger } from '@nestjs/common';
import {
  type Admin,
  type Consumer,
  Kafka,
  logLevel,
  Partitioners,
  type Producer,
  type IHeaders,
} from 'kafkajs';
import { EventTransport, type MessageSink, type Subscription, type WireMessage } from './event-transport';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** Wire-level namespace: `<prefix><topic>`; handlers and the outbox always see the plain topic. */
  topicPrefix?: string;
  /** Most messages handed to the consumer at once (one transaction in the common case). */
  consumerBatchSize?: number;
}

function headerValues(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

/** Kafka through kafkajs: an idempotent producer (one request in flight keeps per-key order). */
export class KafkaEventTransport extends EventTransport {
  private readonly logger = new Logger('KafkaTransport');
  private readonly kafka: Kafka;
  private producer: Producer;
  private readonly admin: Admin;
  private producerConnected?: Promise<void>;
  private adminConnected?: Promise<void>;
  private readonly consumers = new Set<Consumer>();
  private readonly prefix: string;
  private readonly chunk: number;

  constructor(options: KafkaTransportOptions) {
    super();
    this.prefix = options.topicPrefix ?? '';
    this.chunk = options.consumerBatchSize ?? 100;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 100, retries: 5, maxRetryTime: 2000 },
      connectionTimeout: 3000,
    });
    this.producer = this.createProducer();
    this.admin = this.kafka.admin();
    this.admin.on('admin.disconnect', () => {
      this.adminConnected = undefined;
    });
  }

  private createProducer(): Producer {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    producer.on('producer.disconnect', () => {
      if (this.producer === producer) this.producerConnected = undefined;
    });
    return producer;
  }

  /**
   * After a failed send the idempotent producer's sequence state may no longer match the broker's (a
   * restarted broker, a timed-out batch): start over with a fresh producer, the outbox resends the batch.
   */
  private async resetProducer(): Promise<void> {
    const old = this.producer;
    this.producer = this.createProducer();
    this.producerConnected = undefined;
    await old.disconnect().catch(() => undefined);
  }

  private async connectedProducer(): Promise<Producer> {
    this.producerConnected ??= this.producer.connect().catch((error: unknown) => {
      this.producerConnected = undefined;
      throw error;
    });
    await this.producerConnected;
    return this.producer;
  }

  private async connectedAdmin(): Promise<Admin> {
    this.adminConnected ??= this.admin.connect().catch((error: unknown) => {
      this.adminConnected = undefined;
      throw error;
    });
    await this.adminConnected;
    return this.admin;
  }

  async provisionTopics(topics: readonly string[], partitions: number): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const wanted = [...new Set(topics.map((t) => this.prefix + t))];
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
      });
      this.logger.log(`provisioned ${missing.length} topics`);
    }
    await this.waitForLeaders(admin, wanted);
  }

  /** Another process may have just created the topics: wait until every partition has a leader. */
  private async waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        if (metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
          return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error('topics have no partition leaders after 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async send(messages: readonly WireMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const m of messages) {
      const topic = this.prefix + m.topic;
      const list = byTopic.get(topic) ?? [];
      list.push({ key: m.key, value: m.value, headers: m.headers });
      byTopic.set(topic, list);
    }
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, msgs]) => ({ topic, messages: msgs })),
      });
    } catch (error) {
      await this.resetProducer();
      throw error;
    }
  }

  async subscribe(groupId: string, topics: readonly string[], sink: MessageSink): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: this.prefix + groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
      retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 3000 },
    });
    this.consumers.add(consumer);
    await consumer.connect();
    const wire = topics.map((t) => this.prefix + t);
    await this.waitForLeaders(await this.connectedAdmin(), wire);
    await consumer.subscribe({ topics: wire, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 200,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 8,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const topic = batch.topic.slice(this.prefix.length);
        // Chunks bound the size of one consumer transaction and let offsets advance as work completes.
        for (let start = 0; start < batch.messages.length; start += this.chunk) {
          if (!payload.isRunning() || payload.isStale()) break;
          const chunk = batch.messages.slice(start, start + this.chunk);
          await sink(
            chunk.map((message) => ({
              topic,
              partition: batch.partition,
              offset: message.offset,
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              headers: headerValues(message.headers),
            })),
            () => payload.heartbeat(),
          );
          const last = chunk[chunk.length - 1];
          if (last) payload.resolveOffset(last.offset);
          await payload.commitOffsetsIfNecessary();
        }
      },
    });
    return {
      close: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async ping(): Promise<void> {
    const admin = await this.connectedAdmin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
