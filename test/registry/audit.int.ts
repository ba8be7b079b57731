import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { SERVICE_NAMES, type AuditRecordedV1, type ServiceName, type TopicName } from '@llmops/contracts';
import { PlatformHarness, waitFor } from '@llmops/testing';

/**
 * The registry's hash-chained audit log over the real stack: records of every service arrive on their
 * `audit-recorded` topics (the registry's own HTTP mutations included), verify recomputes the chain,
 * and tampering by someone with direct database access is detected and located.
 */

interface AuditEntryBody {
  seq: number;
  auditId: string;
  service: ServiceName;
  actor: { subject: string };
  action: string;
  resource: { type: string; id: string };
  prevHash: string;
  hash: string;
}
interface AuditPage {
  items: AuditEntryBody[];
  nextAfterSeq: number | null;
}
interface VerifyBody {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBadSeq?: number;
  reason?: string;
}

function fixture(service: ServiceName): AuditRecordedV1 {
  const file = path.join(
    __dirname,
    '../../libs/contracts/fixtures',
    `llmops.${service}.audit-recorded.v1.json`,
  );
  return JSON.parse(readFileSync(file, 'utf8')) as AuditRecordedV1;
}

describe('registry audit log (real stack)', () => {
  const h = new PlatformHarness();
  const promptName = `audited-${uuidv7().slice(-8)}`;
  const produced: AuditRecordedV1[] = [];

  const page = async (query = ''): Promise<AuditPage> => {
    const res = await h.request<AuditPage>('registry', 'GET', `/v1/audit${query}`, undefined, 'approver');
    expect(res.status).toBe(200);
    return res.body;
  };
  const verify = async (): Promise<VerifyBody> =>
    (await h.request<VerifyBody>('registry', 'GET', '/v1/audit/verify', undefined, 'approver')).body;
  const asAttacker = (statement: string): Promise<unknown> =>
    h.sql(`BEGIN;
      ALTER TABLE registry.audit_log DISABLE TRIGGER audit_log_append_only;
      ${statement};
      ALTER TABLE registry.audit_log ENABLE TRIGGER audit_log_append_only;
      COMMIT;`);

  beforeAll(async () => {
    await h.init('registry-audit');
    await h.start('registry');
  });

  afterAll(async () => {
    await h.stopAll();
  });

  it('appends the records of all seven services and of its own HTTP mutations, once each, and verifies', async () => {
    for (const service of SERVICE_NAMES) {
      const record: AuditRecordedV1 = {
        ...fixture(service),
        auditId: uuidv7(),
        at: new Date().toISOString(),
      };
      produced.push(record);
      await h.produce(`llmops.${service}.audit-recorded.v1` as TopicName, record);
    }
    // The same record again under a new event id (a producer retry after a lost ack): appended once.
    const first = produced[0];
    if (!first) throw new Error('nothing produced');
    await h.produce('llmops.ingestion.audit-recorded.v1', first);

    const created = await h.request(
      'registry',
      'POST',
      '/v1/prompts',
      {
        name: promptName,
        template: { kind: 'text', text: 'Summarise {{text}}' },
        commitMessage: 'first version',
      },
      'ml-engineer',
    );
    expect(created.status).toBe(201);

    await waitFor('8 audit entries', async () =>
      (await page('?limit=1000')).items.length >= 8 ? true : undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a late duplicate would show up now
    const settled = await page('?limit=1000');
    expect(settled.items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [i, entry] of settled.items.entries()) {
      if (i > 0) expect(entry.prevHash).toBe(settled.items[i - 1]?.hash);
    }
    const ids = settled.items.map((e) => e.auditId);
    for (const record of produced) expect(ids).toContain(record.auditId);
    expect(new Set(settled.items.map((e) => e.service))).toEqual(new Set(SERVICE_NAMES));

    const own = await page(`?resourceType=prompt&resourceId=${promptName}`);
    expect(own.items).toEqual([
      expect.objectContaining({
        service: 'registry',
        action: 'prompt.create',
        actor: expect.objectContaining({ subject: 'api-key:ml-engineer' }) as unknown,
        resource: { type: 'prompt', id: promptName },
      }),
    ]);
    expect((await page('?service=serving')).items.map((e) => e.service)).toEqual(['serving']);
    expect((await page('?actor=api-key:ml-engineer')).items).toHaveLength(1);
    expect((await page('?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z')).items).toHaveLength(0);
    const firstPage = await page('?limit=3');
    expect(firstPage.nextAfterSeq).toBe(3);
    expect((await page(`?limit=3&afterSeq=${firstPage.nextAfterSeq ?? 0}`)).items[0]?.seq).toBe(4);

    expect(await verify()).toMatchObject({ ok: true, checked: 8, headSeq: 8 });
  });

  it('is read by approvers and admins only', async () => {
    for (const role of ['viewer', 'ml-engineer'] as const) {
      const res = await h.request<{ code: string }>('registry', 'GET', '/v1/audit/verify', undefined, role);
      expect([res.status, res.body.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    }
    expect((await h.request('registry', 'GET', '/v1/audit', undefined, 'admin')).status).toBe(200);
    const bad = await h.request<{ code: string }>(
      'registry',
      'GET',
      '/v1/audit?limit=0',
      undefined,
      'approver',
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses UPDATE and DELETE through the database while the trigger is on', async () => {
    await expect(h.sql("UPDATE registry.audit_log SET action = 'x.y' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(h.sql('DELETE FROM registry.audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('names the edited entry when a row is changed by direct SQL with the trigger disabled', async () => {
    const [original] = await h.sql<{ actor_subject: string }>(
      'SELECT actor_subject FROM registry.audit_log WHERE seq = 3',
    );
    await asAttacker("UPDATE registry.audit_log SET actor_subject = 'mallory' WHERE seq = 3");
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'HASH_MISMATCH', checked: 2 });

    // Putting the value back makes the chain whole again: verify judges content, not history.
    await asAttacker(
      `UPDATE registry.audit_log SET actor_subject = '${original?.actor_subject ?? ''}' WHERE seq = 3`,
    );
    expect(await verify()).toMatchObject({ ok: true, checked: 8 });
  });

  it('names the first missing entry when a row is deleted by direct SQL with the trigger disabled', async () => {
    await asAttacker('DELETE FROM registry.audit_log WHERE seq = 5');
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'ENTRY_MISSING', checked: 4 });

    // Appends go on behind the damage, and the damage stays visible.
    await h.produce('llmops.monitoring.audit-recorded.v1', { ...fixture('monitoring'), auditId: uuidv7() });
    await waitFor('entry 9', async () => ((await verify()).headSeq === 9 ? true : undefined));
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'ENTRY_MISSING' });
  });
});
