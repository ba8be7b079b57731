import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, setAuditBefore, type Principal } from '@llmops/auth';
import type { ModelStage } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { actorOf } from '../domain/principal-actor';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { StagesAtQueryDto, type StageAtTime, type StageHistoryEntry } from '../dtos/stage-history.dto';
import { PatchVersionDto, TransitionDto, type Transition } from '../dtos/transition.dto';
import { ModelAccessService } from '../services/model-access.service';
import { ModelLifecycleService } from '../services/model-lifecycle.service';
import { ModelLookupService } from '../services/model-lookup.service';
import { ModelVersionQueryService } from '../services/model-version-query.service';

@ApiTags('models')
@Controller('v1/models/:name')
export class ModelLifecycleController {
  constructor(
    private readonly lifecycle: ModelLifecycleService,
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
    private readonly versions: ModelVersionQueryService,
  ) {}

  /** Moves a version to another stage (promotion gate, optimistic lock, per-model permissions). */
  @Post('versions/:version/transitions')
  @HttpCode(200)
  @Roles('ml-engineer')
  transition(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: TransitionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() who: Principal,
    @Req() req: FastifyRequest,
  ): Promise<ModelVersionView> {
    return this.move(name, version, dto, ifMatch, who, req);
  }

  /** The same move as `POST .../transitions`, for clients that PATCH the version's `stage`. */
  @Patch('versions/:version')
  @Roles('ml-engineer')
  patch(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: PatchVersionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() who: Principal,
    @Req() req: FastifyRequest,
  ): Promise<ModelVersionView> {
    const { stage, ...rest } = dto;
    return this.move(name, version, { ...rest, toStage: stage }, ifMatch, who, req);
  }

  /** The version's stage and where it may go next. */
  @Get('versions/:version/transitions')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  async allowed(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<{ stage: ModelStage; rowVersion: number; allowedStages: ModelStage[] }> {
    const v = await this.lifecycle.get(name, version);
    return {
      stage: v.stage,
      rowVersion: v.rowVersion,
      allowedStages: this.lifecycle.allowedTransitions(v.stage),
    };
  }

  @Get('versions/:version/history')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  versionHistory(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<StageHistoryEntry[]> {
    return this.versions.history(name, version);
  }

  @Get('history')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  history(@Param('name') name: string): Promise<StageHistoryEntry[]> {
    return this.versions.history(name);
  }

  /** Each version's stage at `?at=` (default now), from the stage history. */
  @Get('stages')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  stagesAt(@Param('name') name: string, @Query() query: StagesAtQueryDto): Promise<StageAtTime[]> {
    return this.versions.stagesAt(name, query.at ? new Date(query.at) : new Date());
  }

  private async move(
    name: string,
    version: number,
    dto: Transition,
    ifMatch: string | undefined,
    who: Principal,
    req: FastifyRequest,
  ): Promise<ModelVersionView> {
    const actor = actorOf(who);
    const model = await this.lookup.model(name);
    this.access.assertCanMaintain(actor, model);
    const before = await this.lookup.version(model, version);
    setAuditBefore(req, { stage: before.stage, rowVersion: before.rowVersion });
    const expected = dto.expectedVersion ?? parseIfMatch(ifMatch);
    return this.lifecycle.transition({
      modelName: name,
      version,
      toStage: dto.toStage,
      actor,
      ...(dto.reason === undefined ? {} : { reason: dto.reason }),
      ...(expected === undefined ? {} : { expectedRowVersion: expected }),
      ...(dto.evidence === undefined ? {} : { evidence: dto.evidence }),
    });
  }
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3; absent → undefined; anything else → 400. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match?.[1]) {
    throw new AppError('IF_MATCH_INVALID', 400, 'If-Match must carry the row version, e.g. "3"');
  }
  return Number(match[1]);
}
