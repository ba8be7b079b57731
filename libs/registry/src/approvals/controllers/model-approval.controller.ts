import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditResource, CurrentPrincipal, Roles, setAuditResourceId, type Principal } from '@llmops/auth';
import { CreateModelApprovalRequestDto } from '../dtos/approval.dto';
import { ApprovalService } from '../services/approval.service';
import { EvidenceService } from '../services/evidence.service';
import { ModelPromotionRequestService } from '../services/model-promotion-request.service';
import { principalActor } from './principal-actor.util';

/** Evidence and approval requests of one model version. */
@ApiTags('approvals')
@Controller('v1/models/:name/versions/:version')
export class ModelApprovalController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly promotions: ModelPromotionRequestService,
    private readonly approvals: ApprovalService,
  ) {}

  @Get('evidence')
  @Roles('viewer', 'ml-engineer', 'approver')
  getEvidence(@Param('name') name: string, @Param('version', ParseIntPipe) version: number) {
    return this.evidence.view(name, version);
  }

  @Post('approval-requests')
  @HttpCode(201)
  @Roles('ml-engineer', 'approver')
  @AuditResource('approval-request')
  async requestApproval(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: CreateModelApprovalRequestDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: object,
  ) {
    const created = await this.promotions.request(name, version, dto, principalActor(principal));
    setAuditResourceId(request, created.id);
    return created;
  }

  @Get('approval-requests')
  @Roles('viewer', 'ml-engineer', 'approver')
  listApprovalRequests(@Param('name') name: string, @Param('version', ParseIntPipe) version: number) {
    return this.approvals.list({ kind: 'model-stage-transition', modelName: name, version, limit: 200 });
  }
}
