import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditResource, CurrentPrincipal, Roles, type Principal } from '@llmops/auth';
import { CommentApprovalDto, DecideApprovalDto, ListApprovalsQueryDto } from '../dtos/approval.dto';
import { ApprovalExecutionService } from '../services/approval-execution.service';
import { ApprovalService } from '../services/approval.service';
import { principalActor } from './principal-actor.util';

/** Approval requests of every kind (model promotions, protected prompt label moves) as resources. */
@ApiTags('approvals')
@AuditResource('approval-request')
@Controller('v1/approvals')
export class ApprovalController {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly execution: ApprovalExecutionService,
  ) {}

  @Get()
  @Roles('viewer', 'ml-engineer', 'approver')
  list(@Query() query: ListApprovalsQueryDto) {
    return this.approvals.list(query);
  }

  @Get(':id')
  @Roles('viewer', 'ml-engineer', 'approver')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.approvals.get(id);
  }

  /** One decision per approver; the approval that completes the request also executes its change. */
  @Post(':id/decisions')
  @HttpCode(201)
  @Roles('approver')
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideApprovalDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ) {
    return this.execution.decide({
      requestId: id,
      decision: dto.decision,
      comment: dto.comment,
      decidedBy: principalActor(principal),
    });
  }

  /** Executes an approved request whose change could not run when it was approved (e.g. evidence came later). */
  @Post(':id/apply')
  @HttpCode(200)
  @Roles('ml-engineer', 'approver')
  apply(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal | undefined) {
    return this.execution.apply(id, principalActor(principal));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('ml-engineer', 'approver')
  withdraw(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal | undefined) {
    return this.approvals.withdraw(id, principalActor(principal));
  }

  @Get(':id/comments')
  @Roles('viewer', 'ml-engineer', 'approver')
  comments(@Param('id', ParseUUIDPipe) id: string) {
    return this.approvals.comments(id);
  }

  @Post(':id/comments')
  @HttpCode(201)
  @Roles('ml-engineer', 'approver')
  comment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CommentApprovalDto,
    @CurrentPrincipal() principal: Principal | undefined,
  ) {
    return this.approvals.comment(id, principalActor(principal), dto.body);
  }
}
