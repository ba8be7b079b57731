import { Injectable, Logger } from '@nestjs/common';
import type { AuditRecordedV1 } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import { chainAuditEntry, type AuditEntry } from '../domain/audit-entry';
import { canonicalJson } from '../domain/canonical-json';
import { AuditLogRepository, type AuditLogFilter } from '../repositories/audit-log.repository';

export interface AuditLogPage {
  items: AuditEntry[];
  /** Pass as `afterSeq` for the next page; null on the last page. */
  nextAfterSeq: number | null;
}

/** Appends audit records to the hash chain and reads them back. */
@Injectable()
export class AuditLogService {
  private readonly logger = new Logger(AuditLogService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly log: AuditLogRepository,
  ) {}

  /**
   * Appends one record as the next entry of the chain, once per auditId (a record re-sent under another
   * event id is recognised). Returns false for a duplicate.
   */
  async append(record: AuditRecordedV1): Promise<boolean> {
    return this.tx.run(async () => {
      // The head lock is taken first, so the duplicate check and the append see the same chain.
      const head = await this.log.lockHead();
      if (await this.log.hasAuditId(record.auditId)) {
        this.logger.debug(`audit record ${record.auditId} is already in the log`);
        return false;
      }
      const entry = chainAuditEntry(record, head, new Date());
      await this.log.append(entry, {
        before: canonicalJson(entry.before),
        after: canonicalJson(entry.after),
      });
      return true;
    });
  }

  async list(filter: AuditLogFilter, limit: number): Promise<AuditLogPage> {
    const items = await this.log.list(filter, limit);
    const last = items.at(-1);
    return { items, nextAfterSeq: items.length === limit && last ? last.seq : null };
  }
}
