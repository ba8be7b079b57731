import { Injectable, Logger } from '@nestjs/common';
import type { AuditRecord } from '../domain/audit-record';
import { AuditSink } from './audit.sink';

/** Default sink when a service provides none: one structured log line per record, context `Audit`. */
@Injectable()
export class LoggerAuditSink extends AuditSink {
  private readonly logger = new Logger('Audit');

  override record(entry: AuditRecord): Promise<void> {
    this.logger.log({ msg: 'audit', audit: entry });
    return Promise.resolve();
  }
}
