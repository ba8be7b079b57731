import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import type { AuditVerifyResult } from '../domain/audit-chain-verifier';
import { AuditQueryDto } from '../dtos/audit-query.dto';
import { AuditLogService, type AuditLogPage } from '../services/audit-log.service';
import { AuditVerifyService } from '../services/audit-verify.service';

/**
 * The audit log is read by auditors (`approver`: release managers, risk and compliance) and admins only:
 * before/after snapshots can hold more than a `viewer` should see.
 */
@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLogService,
    private readonly verifier: AuditVerifyService,
  ) {}

  @Get()
  @Roles('approver')
  list(@Query() query: AuditQueryDto): Promise<AuditLogPage> {
    const { limit, ...filter } = query;
    return this.audit.list(filter, limit);
  }

  @Get('verify')
  @Roles('approver')
  verify(): Promise<AuditVerifyResult> {
    return this.verifier.verify();
  }
}
