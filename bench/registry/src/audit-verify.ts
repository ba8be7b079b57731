import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import type { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { buildEnvelope, encodeEnvelopeHeaders, Topics, type EventPayload } from '@llmops/contracts';
import { now, round } from './stats';

export interface AuditVerifyResult {
  available: boolean;
  entries: number;
  /** Wall time to get the entries into the log (produce → consumed → appended). */
  appendSeconds: number;
  /** One verify call per run: entries checked per second. */
  runs: { ms: number; checked: number; ok: boolean; entriesPerSecond: number }[];
  note?: string;
}

/**
 * Fills the audit log through its real path (audit-recorded events → registry consumer → hash-chained
 * append), then times `GET /v1/audit/verify`, which recomputes the whole chain.
 */
export async function measureAuditVerify(options: {
  root: string;
  kafka: Kafka;
  topicPrefix: string;
  db: Client;
  registryUrl: string;
  approverKey: string;
  entries: number;
  runs: number;
  log: (line: string) => void;
}): Promise<AuditVerifyResult> {
  const { kafka, db, registryUrl, approverKey, entries, log } = options;
  const verify = (): Promise<Response> =>
    fetch(`${registryUrl}/v1/audit/verify`, { headers: { authorization: `Bearer ${approverKey}` } });
  const probe = await verify();
  if (probe.status === 404) {
    return {
      available: false,
      entries: 0,
      appendSeconds: 0,
      runs: [],
      note: 'GET /v1/audit/verify not found',
    };
  }
  const template = JSON.parse(
    readFileSync(
      join(options.root, 'libs', 'contracts', 'fixtures', `${Topics.ingestionAuditRecorded}.json`),
      'utf8',
    ),
  ) as EventPayload<typeof Topics.ingestionAuditRecorded>;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const t0 = now();
  try {
    for (let sent = 0; sent < entries;) {
      const batch = Array.from({ length: Math.min(1000, entries - sent) }, (_, k) => {
        const data = {
          ...template,
          auditId: uuidv7(),
          resource: { type: 'dataset', id: `bench-${sent + k}` },
          at: new Date().toISOString(),
        };
        const envelope = buildEnvelope(Topics.ingestionAuditRecorded, data, {
          id: uuidv7(),
          time: new Date().toISOString(),
        });
        return {
          key: envelope.subject,
          value: JSON.stringify(data),
          headers: encodeEnvelopeHeaders(envelope),
        };
      });
      await producer.send({ topic: options.topicPrefix + Topics.ingestionAuditRecorded, messages: batch });
      sent += batch.length;
    }
  } finally {
    await producer.disconnect();
  }
  for (;;) {
    const n = Number(
      (await db.query<{ n: string }>('SELECT count(*) AS n FROM registry.audit_log')).rows[0]?.n,
    );
    if (n >= entries) break;
    if (now() - t0 > 600_000) throw new Error(`audit log holds ${n} of ${entries} entries after 10 min`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const appendSeconds = round((now() - t0) / 1000);
  log(`  audit log filled: ${entries} entries in ${appendSeconds} s`);
  const runs: AuditVerifyResult['runs'] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = now();
    const res = await verify();
    const ms = now() - start;
    const body = (await res.json()) as { ok?: boolean; checked?: number };
    const checked = body.checked ?? 0;
    runs.push({
      ms: round(ms),
      checked,
      ok: body.ok === true,
      entriesPerSecond: Math.round(checked / (ms / 1000)),
    });
    log(`  verify ${i + 1}: ${checked} entries in ${round(ms)} ms (ok=${String(body.ok)})`);
  }
  return { available: true, entries, appendSeconds, runs };
}
