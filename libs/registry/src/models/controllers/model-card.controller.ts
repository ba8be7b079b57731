import { Body, Controller, Get, Param, ParseIntPipe, Put, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, setAuditResourceId, type Principal } from '@llmops/auth';
import { actorOf } from '../domain/principal-actor';
import { ModelCardQueryDto, UpdateModelCardDto, type ModelCardView } from '../dtos/model-card.dto';
import { ModelAccessService } from '../services/model-access.service';
import { ModelCardService } from '../services/model-card.service';
import { ModelLookupService } from '../services/model-lookup.service';

@ApiTags('models')
@Controller('v1/models/:name/versions/:version/card')
export class ModelCardController {
  constructor(
    private readonly cards: ModelCardService,
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
  ) {}

  /** The card as Markdown (default) or, with `?format=json`, sections, completeness and stored copy. */
  @Get()
  @ApiProduces('text/markdown', 'application/json')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  async get(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
    @Query() query: ModelCardQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ModelCardView | string> {
    const card = await this.cards.view(name, version);
    if (query.format === 'json') return card;
    void reply.header('content-type', 'text/markdown; charset=utf-8');
    void reply.header('x-model-card-complete', String(card.complete));
    return card.markdown;
  }

  /** Edits sections (intended use, limitations, ...); stores the card with the version. */
  @Put()
  @Roles('ml-engineer')
  async update(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: UpdateModelCardDto,
    @CurrentPrincipal() who: Principal,
    @Req() req: FastifyRequest,
  ): Promise<ModelCardView> {
    setAuditResourceId(req, `${name}/versions/${version}/card`);
    const actor = actorOf(who);
    this.access.assertCanMaintain(actor, await this.lookup.model(name));
    return this.cards.updateSections(name, version, dto, actor);
  }
}
