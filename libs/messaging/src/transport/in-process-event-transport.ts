import { createHash } from 'node:crypto';
import { EventTransport, type MessageSink, type Subscription, type WireMessage } from './event-transport';

interface Group {
  topics: Set<string>;
  sink: MessageSink;
}

function partitionOf(key: string, partitions: number): number {
  return createHash('md5').update(key).digest().readUInt32BE(0) % partitions;
}

/**
 * The standalone bus. It keeps Kafka's contract for the code above it — declared topics, consumer
 * groups that each get every message, per-key order, at-least-once — without a broker.
 *
 * Durability comes from the outbox: `send` resolves only after every subscribed group has handled the
 * messages, so the relay deletes outbox rows only then, and a crash before that replays them on restart
 * (idempotent consumers drop the duplicates).
 */
export class InProcessEventTransport extends EventTransport {
  private readonly topics = new Map<string, number>();
  private readonly groups = new Map<string, Group>();
  private readonly offsets = new Map<string, number>();

  provisionTopics(topics: readonly string[], partitions: number): Promise<void> {
    for (const topic of topics) if (!this.topics.has(topic)) this.topics.set(topic, partitions);
    return Promise.resolve();
  }

  async send(messages: readonly WireMessage[]): Promise<void> {
    for (const m of messages) {
      if (!this.topics.has(m.topic))
        throw new Error(`unknown topic ${m.topic}: topics are provisioned at boot`);
    }
    await Promise.all([...this.groups.values()].map((group) => this.deliver(group, messages)));
  }

  /** One group: partitions run side by side, each strictly in order. */
  private async deliver(group: Group, messages: readonly WireMessage[]): Promise<void> {
    const lanes = new Map<string, WireMessage[]>();
    for (const m of messages) {
      if (!group.topics.has(m.topic)) continue;
      const lane = `${m.topic}/${partitionOf(m.key, this.topics.get(m.topic) ?? 1)}`;
      const list = lanes.get(lane) ?? [];
      list.push(m);
      lanes.set(lane, list);
    }
    await Promise.all(
      [...lanes].map(async ([lane, list]) => {
        const partition = Number(lane.slice(lane.lastIndexOf('/') + 1));
        const first = this.offsets.get(lane) ?? 0;
        this.offsets.set(lane, first + list.length);
        await group.sink(
          list.map((m, i) => ({ ...m, partition, offset: String(first + i) })),
          () => Promise.resolve(),
        );
      }),
    );
  }

  subscribe(groupId: string, topics: readonly string[], sink: MessageSink): Promise<Subscription> {
    if (this.groups.has(groupId)) throw new Error(`consumer group ${groupId} is already subscribed`);
    this.groups.set(groupId, { topics: new Set(topics), sink });
    return Promise.resolve({
      close: () => {
        this.groups.delete(groupId);
        return Promise.resolve();
      },
    });
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.groups.clear();
    return Promise.resolve();
  }
}
