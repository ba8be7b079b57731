import type { AuditRecord } from '../domain/audit-record';

/**
 * Where audit records go; also the injection token. Services provide one through
 * `AuthModule.forRoot(config, { auditSink })`, typically writing an `audit-recorded` event to their outbox.
 * A rejected promise fails the request (audit is mandatory).
 */
export abstract class AuditSink {
  abstract record(entry: AuditRecord): Promise<void>;
}
