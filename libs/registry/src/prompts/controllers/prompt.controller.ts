import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuditResource,
  CurrentPrincipal,
  Roles,
  setAuditBefore,
  setAuditResourceId,
  SkipAudit,
  type Principal,
} from '@llmops/auth';
import { CreatePromptDto, CreatePromptVersionDto, PromptProtectionDto } from '../dtos/prompt.dto';
import { PromptParamsDto, PromptVersionParamsDto } from '../dtos/prompt-params.dto';
import { RenderPromptDto } from '../dtos/prompt-render.dto';
import { PromptRenderService } from '../services/prompt-render.service';
import { PromptService } from '../services/prompt.service';
import { principalActor } from './principal-actor.util';

/** Prompts and their immutable versions. Reads and rendering are open to any authenticated caller. */
@ApiTags('prompts')
@Controller('v1/prompts')
export class PromptController {
  constructor(
    private readonly prompts: PromptService,
    private readonly renderer: PromptRenderService,
  ) {}

  @Post()
  @Roles('ml-engineer')
  @AuditResource('prompt')
  async create(
    @Body() dto: CreatePromptDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: object,
  ) {
    const created = await this.prompts.create(dto, principalActor(principal));
    setAuditResourceId(request, created.name);
    return created;
  }

  @Get()
  list() {
    return this.prompts.list();
  }

  @Get(':name')
  get(@Param() params: PromptParamsDto) {
    return this.prompts.get(params.name);
  }

  /** Which labels are protected, and how many approvals a move needs: admins only, since it relaxes governance. */
  @Put(':name/protection')
  @Roles('admin')
  @AuditResource('prompt')
  async setProtection(
    @Param() params: PromptParamsDto,
    @Body() dto: PromptProtectionDto,
    @Req() request: object,
  ) {
    const before = await this.prompts.get(params.name);
    setAuditResourceId(request, params.name);
    setAuditBefore(request, {
      protectedLabels: before.protectedLabels,
      requiredApprovals: before.requiredApprovals,
    });
    return this.prompts.setProtection(params.name, dto.protectedLabels, dto.requiredApprovals);
  }

  @Post(':name/versions')
  @Roles('ml-engineer')
  @AuditResource('prompt-version')
  async addVersion(
    @Param() params: PromptParamsDto,
    @Body() dto: CreatePromptVersionDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: object,
  ) {
    const created = await this.prompts.addVersion(params.name, dto, principalActor(principal));
    setAuditResourceId(request, created.versionId);
    return created;
  }

  @Get(':name/versions')
  versions(@Param() params: PromptParamsDto) {
    return this.prompts.versions(params.name);
  }

  @Get(':name/versions/:version')
  version(@Param() params: PromptVersionParamsDto) {
    return this.prompts.version(params.name, params.version);
  }

  /** Changes nothing, so it is not audited (like a search). */
  @Post(':name/render')
  @HttpCode(200)
  @SkipAudit()
  render(@Param() params: PromptParamsDto, @Body() dto: RenderPromptDto) {
    return this.renderer.render(params.name, dto);
  }
}
