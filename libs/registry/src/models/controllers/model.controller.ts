import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, setAuditBefore, setAuditResourceId, type Principal } from '@llmops/auth';
import { actorOf } from '../domain/principal-actor';
import {
  CreateModelDto,
  ListQueryDto,
  ModelPermissionsDto,
  UpdateModelDto,
  type ModelView,
} from '../dtos/model.dto';
import { ModelService } from '../services/model.service';

@ApiTags('models')
@Controller('v1/models')
export class ModelController {
  constructor(private readonly models: ModelService) {}

  @Post()
  @Roles('ml-engineer')
  create(@Body() dto: CreateModelDto, @CurrentPrincipal() who: Principal): Promise<ModelView> {
    return this.models.create(dto, actorOf(who));
  }

  @Get()
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  list(@Query() query: ListQueryDto): Promise<ModelView[]> {
    return this.models.list(query);
  }

  @Get(':name')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  get(@Param('name') name: string): Promise<ModelView> {
    return this.models.get(name);
  }

  @Patch(':name')
  @Roles('ml-engineer')
  async update(
    @Param('name') name: string,
    @Body() dto: UpdateModelDto,
    @CurrentPrincipal() who: Principal,
    @Req() req: FastifyRequest,
  ): Promise<ModelView> {
    setAuditBefore(req, await this.models.get(name));
    return this.models.update(name, dto.description, actorOf(who));
  }

  /** Replaces the owners and maintainers lists; admins and owners only. */
  @Put(':name/permissions')
  @Roles('ml-engineer')
  async setPermissions(
    @Param('name') name: string,
    @Body() dto: ModelPermissionsDto,
    @CurrentPrincipal() who: Principal,
    @Req() req: FastifyRequest,
  ): Promise<ModelView> {
    const before = await this.models.get(name);
    setAuditBefore(req, { owners: before.owners, maintainers: before.maintainers });
    setAuditResourceId(req, `${name}/permissions`);
    return this.models.setPermissions(name, dto, actorOf(who));
  }
}
