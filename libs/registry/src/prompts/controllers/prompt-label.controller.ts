import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditResource, CurrentPrincipal, Roles, setAuditResourceId, type Principal } from '@llmops/auth';
import { MoveLabelDto, RequestLabelMoveApprovalDto } from '../dtos/prompt-label.dto';
import { PromptLabelParamsDto, PromptParamsDto } from '../dtos/prompt-params.dto';
import { PromptLabelService } from '../services/prompt-label.service';
import { principalActor } from './principal-actor.util';

/** Labels (`production`, `staging`, custom) pointing at prompt versions, and approvals to move protected ones. */
@ApiTags('prompts')
@Controller('v1/prompts')
export class PromptLabelController {
  constructor(private readonly labels: PromptLabelService) {}

  /** The answer's `from`/`to` is the audit record's before and after. */
  @Put(':name/labels/:label')
  @Roles('ml-engineer')
  @AuditResource('prompt-label')
  move(
    @Param() params: PromptLabelParamsDto,
    @Body() dto: MoveLabelDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: object,
  ) {
    setAuditResourceId(request, `${params.name}:${params.label}`);
    return this.labels.move(params.name, params.label, dto.version, principalActor(principal));
  }

  /** Decided with `POST /v1/approvals/{id}/decisions` by an approver who is not the requester. */
  @Post(':name/labels/:label/approval-requests')
  @HttpCode(201)
  @Roles('ml-engineer')
  @AuditResource('approval-request')
  async requestApproval(
    @Param() params: PromptLabelParamsDto,
    @Body() dto: RequestLabelMoveApprovalDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: object,
  ) {
    const created = await this.labels.requestApproval(
      params.name,
      params.label,
      dto.version,
      dto.comment,
      principalActor(principal),
    );
    setAuditResourceId(request, created.id);
    return created;
  }

  @Get(':name/label-moves')
  history(@Param() params: PromptParamsDto) {
    return this.labels.history(params.name);
  }
}
