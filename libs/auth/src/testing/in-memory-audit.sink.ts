import { Injectable } from '@nestjs/common';
import { AuditSink } from '../audit/audit.sink';
import type { AuditRecord } from '../domain/audit-record';

/** Test helper only: keeps records in memory. Set `failWith` to simulate a broken sink. */
@Injectable()
export class InMemoryAuditSink extends AuditSink {
  readonly records: AuditRecord[] = [];
  failWith: Error | null = null;

  override record(entry: AuditRecord): Promise<void> {
    if (this.failWith !== null) return Promise.reject(this.failWith);
    this.records.push(entry);
    return Promise.resolve();
  }
}
