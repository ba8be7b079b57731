import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@llmops/auth';
import { actorOf } from '../domain/principal-actor';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import {
  CreateUploadDto,
  ListVersionsQueryDto,
  RegisterModelVersionDto,
  type UploadTicket,
} from '../dtos/register-model-version.dto';
import { ManualRegistrationService } from '../services/manual-registration.service';
import { ModelUploadService } from '../services/model-upload.service';
import { ModelVersionQueryService } from '../services/model-version-query.service';

@ApiTags('models')
@Controller('v1/models/:name')
export class ModelVersionController {
  constructor(
    private readonly registration: ManualRegistrationService,
    private readonly uploads: ModelUploadService,
    private readonly versions: ModelVersionQueryService,
  ) {}

  /** Registers a version by hand from objects in the store; checksums verified first. */
  @Post('versions')
  @HttpCode(201)
  @Roles('ml-engineer')
  register(
    @Param('name') name: string,
    @Body() dto: RegisterModelVersionDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<ModelVersionView> {
    return this.registration.register(name, dto, actorOf(who));
  }

  @Get('versions')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  list(@Param('name') name: string, @Query() query: ListVersionsQueryDto): Promise<ModelVersionView[]> {
    return this.versions.list(name, query);
  }

  @Get('versions/:version')
  @Roles('viewer', 'ml-engineer', 'approver', 'service')
  get(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<ModelVersionView> {
    return this.versions.get(name, version);
  }

  /** A presigned URL to PUT one file; register it afterwards with `{ "key": ... }`. */
  @Post('uploads')
  @HttpCode(201)
  @Roles('ml-engineer')
  createUpload(
    @Param('name') name: string,
    @Body() dto: CreateUploadDto,
    @CurrentPrincipal() who: Principal,
  ): Promise<UploadTicket> {
    return this.uploads.createUpload(name, dto.filename, dto.expiresInSeconds, actorOf(who));
  }
}
