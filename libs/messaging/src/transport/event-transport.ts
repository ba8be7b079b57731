/** A message on the wire: CloudEvents binary mode, so attributes are headers and the value is the data. */
export interface WireMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** A received message and where it came from (for dead-lettering and logs). */
export interface ReceivedMessage extends WireMessage {
  partition: number;
  offset: string;
}

/**
 * Handles a batch of messages from one partition, in order. Resolving means "all done, move on";
 * rejecting means "the infrastructure failed, deliver these again" — the consumer runtime already turned
 * handler failures into retries or dead letters.
 */
export type MessageSink = (
  messages: readonly ReceivedMessage[],
  keepAlive: () => Promise<void>,
) => Promise<void>;

export interface Subscription {
  close(): Promise<void>;
}

/**
 * The swappable part of messaging: Kafka in distributed mode, an in-process bus in standalone mode.
 * Both keep per-key order, give each consumer group its own copy, and deliver at least once.
 */
export abstract class EventTransport {
  /** Creates the topics if missing (idempotent). */
  abstract provisionTopics(topics: readonly string[], partitions: number): Promise<void>;
  /** Sends in order; resolves once the transport has taken responsibility for every message. */
  abstract send(messages: readonly WireMessage[]): Promise<void>;
  abstract subscribe(groupId: string, topics: readonly string[], sink: MessageSink): Promise<Subscription>;
  /** Readiness: throws when the transport cannot reach its broker. */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
