import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditResource, CurrentPrincipal, Roles, setAuditResourceId, type Principal } from '@llmops/auth';
import { CreatePromptLinkDto, PromptLinkQueryDto } from '../dtos/prompt-link.dto';
import { PromptVersionParamsDto } from '../dtos/prompt-params.dto';
import { PromptLinkService } from '../services/prompt-link.service';
import { principalActor } from './principal-actor.util';

/** Prompt versions ↔ dataset versions rendered with them ↔ model versions trained on them ↔ evaluations. */
@ApiTags('prompts')
@Controller('v1/prompts')
export class PromptLinkController {
  constructor(private readonly links: PromptLinkService) {}

  /** The reverse direction: which prompt versions a dataset version, model version or evaluation is linked to. */
  @Get('links')
  byTarget(@Query() query: PromptLinkQueryDto) {
    return this.links.listForTarget(query.kind, query.targetId);
  }

  @Post(':name/versions/:version/links')
  @Roles('ml-engineer')
  @AuditResource('prompt-link')
  async link(
    @Param() params: PromptVersionParamsDto,
    @Body() dto: CreatePromptLinkDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: object,
  ) {
    const link = await this.links.link(params.name, params.version, dto, principalActor(principal));
    setAuditResourceId(request, link.id);
    return link;
  }

  @Get(':name/versions/:version/links')
  list(@Param() params: PromptVersionParamsDto) {
    return this.links.listForVersion(params.name, params.version);
  }
}
