import { Injectable } from '@nestjs/common';
import { AuditChainVerifier, type AuditVerifyResult } from '../domain/audit-chain-verifier';
import type { AuditEntry } from '../domain/audit-entry';
import { AuditLogRepository } from '../repositories/audit-log.repository';

/** Rows per round trip: large enough to amortise the query, small enough to keep memory flat. */
const VERIFY_BATCH_SIZE = 5000;

/** Recomputes the whole chain, streaming it in batches, and names the first entry that does not fit. */
@Injectable()
export class AuditVerifyService {
  constructor(private readonly log: AuditLogRepository) {}

  async verify(): Promise<AuditVerifyResult> {
    // The head is read first: entries appended while the walk runs lie beyond it and are left for next time.
    const head = await this.log.readHead();
    const verifier = new AuditChainVerifier(head);
    const read = (afterSeq: number) => this.log.readBatch(afterSeq, head.seq, VERIFY_BATCH_SIZE);
    let next: ReturnType<typeof read> | null = read(0);
    while (next) {
      const batch: AuditEntry[] = await next;
      const last = batch.at(-1);
      // The database reads the next batch while this one is hashed.
      next = last && batch.length === VERIFY_BATCH_SIZE ? read(last.seq) : null;
      if (!verifier.feed(batch)) break;
    }
    // A prefetch abandoned at a fault must not surface as an unhandled rejection.
    next?.catch(() => undefined);
    return verifier.result();
  }
}
