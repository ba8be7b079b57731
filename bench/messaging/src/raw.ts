import { type Consumer, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { keyOf, now, seqOf, type Timeline, waitFor } from './stats';

export interface RawOptions {
  brokers: string[];
  /** Full topic name (already prefixed). */
  topic: string;
  groupId: string;
  partitions: number;
  /** The JSON value sent with every message (the same bytes the layer sends as the event payload). */
  value: string;
  timeline: Timeline;
}

/**
 * The baseline: plain kafkajs, one producer and one consumer in this process. Producer settings match
 * the llmops Kafka transport (idempotent, one request in flight, acks=all) so the comparison measures
 * the layer, not a different durability level; the consumer uses `eachMessage` with the same fetch wait
 * (100 ms) and one lane per partition, and does nothing but record the arrival.
 */
export class RawKafkaBench {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly consumer: Consumer;
  private probeSeen?: () => void;
  errors = 0;

  constructor(private readonly options: RawOptions) {
    this.kafka = new Kafka({ clientId: 'bench-raw', brokers: options.brokers, logLevel: logLevel.NOTHING });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.consumer = this.kafka.consumer({
      groupId: options.groupId,
      maxWaitTimeInMs: 100,
      allowAutoTopicCreation: false,
    });
  }

  /** Creates the topic and connects the producer; with `consume`, also starts the consumer (see `consume`). */
  async start(consume = true): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: this.options.topic, numPartitions: this.options.partitions, replicationFactor: -1 }],
    });
    await admin.disconnect();
    await this.producer.connect();
    if (consume) await this.consume(true);
  }

  /** Joins the group and consumes from the beginning; with `probe`, returns once a fresh message arrives. */
  async consume(probe: boolean): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.options.topic], fromBeginning: true });
    const { timeline } = this.options;
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitions,
      eachMessage: ({ message }) => {
        const at = now();
        const key = message.key?.toString() ?? '';
        const seq = seqOf(key);
        if (seq >= 0) {
          timeline.recv[seq] = at;
          timeline.markDone(seq, at);
        } else if (key === 'probe') {
          this.probeSeen?.();
        }
        return Promise.resolve();
      },
    });
    if (probe) await this.probe();
  }

  /** Sends one message and waits until the consumer sees it: the group has joined and fetches. */
  async probe(): Promise<void> {
    let seen = false;
    this.probeSeen = () => (seen = true);
    await this.producer.send({
      topic: this.options.topic,
      acks: -1,
      messages: [{ key: 'probe', value: this.options.value }],
    });
    if (!(await waitFor(() => seen, 60_000)))
      throw new Error('raw consumer did not receive the probe within 60 s');
  }

  /** One produce request carrying every given event; resolves when the broker acknowledged them. */
  async send(seqs: number[]): Promise<void> {
    const { timeline, topic, value } = this.options;
    try {
      await this.producer.send({
        topic,
        acks: -1,
        messages: seqs.map((seq) => ({ key: keyOf(seq), value })),
      });
      const at = now();
      for (const seq of seqs) timeline.ack[seq] = at;
    } catch {
      this.errors += seqs.length;
    }
  }

  async close(): Promise<void> {
    await this.consumer.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
  }
}
