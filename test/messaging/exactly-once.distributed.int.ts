import { v7 as uuidv7 } from 'uuid';
import { encodeEnvelopeHeaders, Topics } from '@llmops/contracts';
import { waitFor } from '@llmops/testing';
import { DistributedHarness, stack } from '../support/distributed-harness';

/**
 * The Foundation's delivery guarantee, end to end over the real stack (tools/stack): ingestion writes a
 * dataset version and its `dataset-version-created` event in one transaction; the outbox relay sends it to
 * Kafka; training's idempotent consumer records it. Each test checks the effect happened exactly once —
 * training counts every event it applies, so a duplicate would show — and in order per dataset.
 */
/** Fault injection stops and starts tools/stack's processes; containers (testcontainers) cannot be driven that way here. */
const withStackControl = process.env['LLMOPS_STACK_PROVIDER'] === 'testcontainers' ? it.skip : it;

describe('ingestion → Kafka → training: exactly-once effects (real processes, real stack)', () => {
  const h = new DistributedHarness();
  const registered = new Map<string, number>(); // datasetId → versions registered

  async function registerMany(datasets: string[], perDataset: number): Promise<void> {
    await Promise.all(
      datasets.map(async (id) => {
        for (let i = 0; i < perDataset; i++) {
          await h.registerVersion(id);
          registered.set(id, (registered.get(id) ?? 0) + 1);
        }
      }),
    );
  }

  const total = (): number => [...registered.values()].reduce((a, b) => a + b, 0);

  /** Every registered version took effect once, and per dataset in version order. */
  async function expectExactlyOnceInOrder(): Promise<void> {
    await h.waitForTrainingCount(total());
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a late duplicate would land now
    const rows = await h.trainingVersions();
    expect(rows).toHaveLength(total());
    const counters = await h.countersByDataset();
    for (const [datasetId, count] of registered) {
      expect(counters.get(datasetId)).toBe(count);
      const versions = rows.filter((r) => r.dataset_id === datasetId).map((r) => r.version);
      expect(versions).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  }

  beforeAll(async () => {
    await h.init('exactly_once');
    await Promise.all([h.start('ingestion'), h.start('training')]);
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('delivers an event committed with the state change to the other service, once', async () => {
    const datasetId = await h.createDataset('first-dataset');
    await registerMany([datasetId], 3);
    await expectExactlyOnceInOrder();
    expect(await h.outboxPending()).toBe(0);
  });

  it('records every mutating call as an audit event (who, what, which resource, after)', async () => {
    const datasetId = await h.createDataset('audited');
    const audits = await h.readTopic('llmops.ingestion.audit-recorded.v1', 1);
    const created = audits
      .map(
        (m) =>
          JSON.parse(m.value) as {
            action: string;
            resource: { id: string };
            actor: { subject: string };
            after: { name?: string };
          },
      )
      .find((a) => a.resource.id === datasetId);
    expect(created).toMatchObject({
      action: 'datasets.create',
      actor: { subject: 'api-key:admin' },
      after: { name: 'audited' },
    });
  });

  it('(a) the consumer killed with SIGKILL in the middle of a batch resumes without loss or duplicates', async () => {
    // A backlog builds while training is down; it is killed as soon as it has applied part of it. If a
    // round finishes the backlog before the kill lands (a fast machine), another round is tried.
    let killedMidStream = false;
    for (let round = 1; round <= 3 && !killedMidStream; round++) {
      await h.training?.kill('SIGTERM');
      const before = total();
      const datasets = await Promise.all([1, 2, 3, 4].map((i) => h.createDataset(`sigkill-${round}-${i}`)));
      await registerMany(datasets, 75);
      await h.start('training');
      try {
        await waitFor(
          'training to start on the backlog',
          async () => ((await h.trainingCount()) > before ? true : undefined),
          { intervalMs: 5 },
        );
        await h.training?.kill('SIGKILL');
        killedMidStream = (await h.trainingCount()) < before + 300;
      } finally {
        await h.start('training');
      }
      await expectExactlyOnceInOrder();
    }
    expect(killedMidStream).toBe(true);
  });

  withStackControl(
    '(b) with the broker stopped the producer keeps committing; the outbox delivers all, in order, after restart',
    async () => {
      const datasets = await Promise.all([1, 2].map((i) => h.createDataset(`broker-down-${i}`)));
      stack('stop', 'kafka');
      try {
        await registerMany(datasets, 20);
        expect(await h.outboxPending(Topics.datasetVersionCreated)).toBe(40); // held in the outbox, nothing lost
      } finally {
        stack('start', 'kafka');
      }
      await expectExactlyOnceInOrder();
      await waitFor('the outbox to drain', async () => ((await h.outboxPending()) === 0 ? true : undefined));
    },
  );

  it('(c) a poison message goes to the DLQ with its error and the partition keeps flowing', async () => {
    const datasetId = await h.createDataset('poison');
    await registerMany([datasetId], 1);
    await h.waitForTrainingCount(total());
    const [applied] = (await h.trainingVersions()).filter((r) => r.dataset_id === datasetId);

    const producer = h.kafka().producer();
    await producer.connect();
    const topic = Topics.datasetVersionCreated;
    const headers = (): Record<string, string> =>
      encodeEnvelopeHeaders({
        specversion: '1.0',
        id: uuidv7(),
        source: '/llmops/ingestion',
        type: 'io.llmops.ingestion.dataset-version-created.v1',
        time: new Date().toISOString(),
        subject: datasetId,
        datacontenttype: 'application/json',
      });
    // 1. breaks its schema; 2. valid, but re-announces an applied version under a new event id (the handler fails).
    const broken = { datasetId, version: 'two' };
    const replayed = {
      ...h.versionEvent(),
      datasetId,
      datasetName: 'poison',
      versionId: await h.trainingVersionId(datasetId, applied?.version ?? 1),
      version: 1,
      createdAt: new Date().toISOString(),
    };
    await producer.send({
      topic: h.topicPrefix + topic,
      messages: [
        { key: datasetId, value: JSON.stringify(broken), headers: headers() },
        { key: datasetId, value: JSON.stringify(replayed), headers: headers() },
      ],
    });
    await producer.disconnect();

    await registerMany([datasetId], 5); // same key, same partition, after the poison
    await expectExactlyOnceInOrder();

    const dead = await h.readTopic('llmops.dlq.training', 2);
    expect(dead).toHaveLength(2);
    const [schemaFailure, handlerFailure] = dead;
    expect(schemaFailure?.headers['llmops_dlq_error_code']).toBe('EVENT_SCHEMA_INVALID');
    expect(schemaFailure?.headers['llmops_dlq_error_message']).toMatch(/version/);
    expect(schemaFailure?.headers['llmops_dlq_original_topic']).toBe(topic);
    expect(schemaFailure?.value).toBe(JSON.stringify(broken));
    expect(handlerFailure?.headers['llmops_dlq_error_code']).toBe('HANDLER_FAILED');
    expect(handlerFailure?.headers['llmops_dlq_attempts']).toBe('3');
    expect(handlerFailure?.headers['llmops_dlq_error_message']).toMatch(/duplicate key/);
  });

  withStackControl(
    '(d) PostgreSQL restarting makes readiness false, then both services recover on their own',
    async () => {
      const ready = async (url: string): Promise<number> => (await fetch(`${url}/health/ready`)).status;
      const ingestionUrl = h.ingestion?.url ?? '';
      const trainingUrl = h.training?.url ?? '';
      stack('stop', 'postgres');
      try {
        await waitFor('ingestion readiness to fail', async () =>
          (await ready(ingestionUrl)) === 503 ? true : undefined,
        );
        await waitFor('training readiness to fail', async () =>
          (await ready(trainingUrl)) === 503 ? true : undefined,
        );
        const report = (await (await fetch(`${ingestionUrl}/health/ready`)).json()) as {
          checks: Record<string, { status: string }>;
        };
        expect(report.checks['database:ingestion']?.status).toBe('down');
      } finally {
        stack('start', 'postgres');
      }
      await waitFor('ingestion to be ready again', async () =>
        (await ready(ingestionUrl)) === 200 ? true : undefined,
      );
      await waitFor('training to be ready again', async () =>
        (await ready(trainingUrl)) === 200 ? true : undefined,
      );
      const datasetId = await h.createDataset('after-postgres-restart');
      await registerMany([datasetId], 3);
      await expectExactlyOnceInOrder();
    },
  );
});
