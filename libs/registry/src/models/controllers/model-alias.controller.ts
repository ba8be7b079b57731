import { Body, Controller, Delete, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, setAuditResourceId, type Principal } from '@llmops/auth';
import { AppError } from '@llmops/http';
import { actorOf } from '../domain/principal-actor';
import { AliasNameSchema, SetAliasDto, type ModelAliasView } from '../dtos/model-alias.dto';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { ModelAliasService } from '../services/model-alias.service';

@ApiTags('models')
@Controller('v1/models/:name/aliases')
export class ModelAliasController {
  constructor(private readonly aliases: ModelAliasService) {}

  @Get()
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  list(@Param('name') name: string): Promise<ModelAliasView[]> {
    return this.aliases.list(name);
  }

  /** The version the alias points at. */
  @Get(':alias')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  resolve(@Param('name') name: string, @Param('alias') alias: string): Promise<ModelVersionView> {
    return this.aliases.resolve(name, alias);
  }

  /** Creates the alias or moves it to another version. */
  @Put(':alias')
  @Roles('ml-engineer')
  set(
    @Param('name') name: string,
    @Param('alias') alias: string,
    @Body() dto: SetAliasDto,
    @CurrentPrincipal() who: Principal,
    @Req() req: FastifyRequest,
  ): Promise<ModelAliasView> {
    setAuditResourceId(req, `${name}/aliases/${alias}`);
    return this.aliases.set(name, parseAlias(alias), dto.version, actorOf(who));
  }

  @Delete(':alias')
  @HttpCode(204)
  @Roles('ml-engineer')
  delete(
    @Param('name') name: string,
    @Param('alias') alias: string,
    @CurrentPrincipal() who: Principal,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    setAuditResourceId(req, `${name}/aliases/${alias}`);
    return this.aliases.delete(name, alias, actorOf(who));
  }
}

function parseAlias(alias: string): string {
  const parsed = AliasNameSchema.safeParse(alias);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 400, 'invalid alias name', {
      errors: [{ path: 'alias', message: 'expected lowercase letters, digits and inner hyphens' }],
    });
  }
  return parsed.data;
}
