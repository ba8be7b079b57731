import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AuditRecordedV1 } from '@llmops/contracts';
import { createServiceDataSource, initializeDataSource, TransactionHost } from '@llmops/persistence';
import { CreateAuditLog1764400500000 } from '../migrations/create-audit-log.migration';
import { AuditRecordedConsumer } from '../consumers/audit-recorded.consumer';
import { AuditLogRepository } from '../repositories/audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuditVerifyService } from './audit-verify.service';

/** The audit log over the embedded database (PGlite, as in standalone mode): same SQL, triggers and all. */

const fixture = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../../../contracts/fixtures/llmops.training.audit-recorded.v1.json'),
    'utf8',
  ),
) as AuditRecordedV1;

function record(overrides: Partial<AuditRecordedV1> = {}): AuditRecordedV1 {
  return { ...fixture, auditId: uuidv7(), ...overrides };
}

describe('AuditLogService over PGlite', () => {
  let tx: TransactionHost;
  let audit: AuditLogService;
  let verifier: AuditVerifyService;

  beforeAll(async () => {
    const dataSource = createServiceDataSource({
      config: { driver: 'pglite', dataDir: 'memory://' },
      schema: 'registry',
      migrations: [CreateAuditLog1764400500000],
    });
    await initializeDataSource(dataSource, 'registry');
    tx = new TransactionHost(dataSource);
    const repository = new AuditLogRepository(tx);
    audit = new AuditLogService(tx, repository);
    verifier = new AuditVerifyService(repository);
  }, 60_000);

  afterAll(async () => {
    await tx.dataSource.destroy();
  });

  const sql = (text: string, params: unknown[] = []): Promise<unknown> =>
    tx.run(() => tx.query(text, params));

  it('appends records as a gapless chain and reads them back exactly', async () => {
    const weird = record({
      before: { 'z\u0000': [1.5, -0, 1e21], a: 'é😀' },
      after: null,
      at: '2025-03-14T12:20:00.5+02:00',
      actor: { subject: 'api-key:ci', kind: 'api-key', roles: [] },
    });
    expect(await audit.append(weird)).toBe(true);
    expect(await audit.append(record({ service: 'training' }))).toBe(true);
    const page = await audit.list({}, 10);
    expect(page.items.map((e) => e.seq)).toEqual([1, 2]);
    expect(page.items[1]?.prevHash).toBe(page.items[0]?.hash);
    expect(page.items[0]).toMatchObject({
      before: { 'z\u0000': [1.5, 0, 1e21], a: 'é😀' },
      after: null,
      at: '2025-03-14T10:20:00.500000Z',
      actor: { roles: [] },
    });
    expect(await verifier.verify()).toMatchObject({ ok: true, checked: 2, headSeq: 2 });
  });

  it('appends a record once, whatever event carried it', async () => {
    const once = record();
    expect(await audit.append(once)).toBe(true);
    expect(await audit.append(once)).toBe(false);
    expect(
      (await audit.list({ afterSeq: 0 }, 100)).items.filter((e) => e.auditId === once.auditId),
    ).toHaveLength(1);
  });

  it('keeps the chain linear under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, () => audit.append(record())));
    expect(await verifier.verify()).toMatchObject({ ok: true, checked: 23 });
  });

  it('filters by service, actor, resource and time, paging by seq', async () => {
    await audit.append(
      record({ service: 'serving', resource: { type: 'route', id: 'r-1' }, at: '2030-01-01T00:00:00Z' }),
    );
    const serving = await audit.list({ service: 'serving' }, 10);
    expect(serving.items).toHaveLength(1);
    expect(serving.items[0]?.resource).toEqual({ type: 'route', id: 'r-1' });
    expect((await audit.list({ resourceType: 'route', resourceId: 'r-1' }, 10)).items).toHaveLength(1);
    expect((await audit.list({ from: '2029-12-31T00:00:00Z' }, 10)).items).toHaveLength(1);
    expect((await audit.list({ to: '2029-12-31T00:00:00Z', actor: 'nobody' }, 10)).items).toHaveLength(0);
    const first = await audit.list({}, 5);
    expect(first.nextAfterSeq).toBe(5);
    const second = await audit.list({ afterSeq: first.nextAfterSeq ?? 0 }, 5);
    expect(second.items[0]?.seq).toBe(6);
  });

  it('dead-letters records it must not or cannot store, and appends the rest', async () => {
    const consumer = new AuditRecordedConsumer(audit);
    const envelope = {} as never;
    await expect(
      consumer.fromServing({ envelope, data: record({ service: 'training' }) }),
    ).rejects.toMatchObject({ code: 'AUDIT_SERVICE_MISMATCH' });
    await expect(
      consumer.fromTraining({ envelope, data: record({ resource: { type: 'run', id: 'a\u0000b' } }) }),
    ).rejects.toMatchObject({ code: 'AUDIT_RECORD_UNSTORABLE' });
    const good = record({ service: 'training' });
    await consumer.fromTraining({ envelope, data: good });
    expect(
      (await audit.list({ resourceId: good.resource.id, afterSeq: 0 }, 1000)).items.map((e) => e.auditId),
    ).toContain(good.auditId);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log, and moving the head by hand', async () => {
    await expect(sql("UPDATE registry.audit_log SET action = 'x.y' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(sql('DELETE FROM registry.audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(sql('TRUNCATE registry.audit_log')).rejects.toThrow(/append-only/);
    await expect(sql('UPDATE registry.audit_chain_head SET last_seq = 1')).rejects.toThrow(
      /may only advance/,
    );
    await expect(sql('DELETE FROM registry.audit_chain_head')).rejects.toThrow(/not allowed/);
  });

  it('names the edited entry once an attacker disables the trigger', async () => {
    await sql('ALTER TABLE registry.audit_log DISABLE TRIGGER audit_log_append_only');
    await sql("UPDATE registry.audit_log SET actor_subject = 'mallory' WHERE seq = 3");
    expect(await verifier.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      reason: 'HASH_MISMATCH',
      checked: 2,
    });
    await sql('DELETE FROM registry.audit_log WHERE seq >= 3');
    await sql('ALTER TABLE registry.audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await verifier.verify()).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'ENTRY_MISSING' });
  });
});
