import type { RegistryPart } from '../registry-part';
import { AuditRecordedConsumer } from './consumers/audit-recorded.consumer';
import { AuditController } from './controllers/audit.controller';
import { CreateAuditLog1764400500000 } from './migrations/create-audit-log.migration';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { AuditLogService } from './services/audit-log.service';
import { AuditVerifyService } from './services/audit-verify.service';

/** Registry area: the append-only, hash-chained audit log of every service's mutations. */
export const auditPart: RegistryPart = {
  controllers: [AuditController, AuditRecordedConsumer],
  providers: [AuditLogRepository, AuditLogService, AuditVerifyService],
  entities: [],
  migrations: [CreateAuditLog1764400500000],
};
