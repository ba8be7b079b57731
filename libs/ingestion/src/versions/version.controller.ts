import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { ContaminationCheckDto, DeriveVersionDto, DiffQueryDto } from '../dtos/version-ops.dto';
import { VersionQueryService } from './version-query.service';

@ApiTags('datasets')
@Controller('v1/datasets/:datasetId')
export class VersionController {
  constructor(private readonly versions: VersionQueryService) {}

  @Get('versions/:version')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  get(@Param('datasetId', ParseUUIDPipe) datasetId: string, @Param('version', ParseIntPipe) version: number) {
    return this.versions.descriptor(datasetId, version);
  }

  /** Records added, removed and unchanged between `against` and this version (by normalised content). */
  @Get('versions/:version/diff')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  diff(
    @Param('datasetId', ParseUUIDPipe) datasetId: string,
    @Param('version', ParseIntPipe) version: number,
    @Query() query: DiffQueryDto,
  ) {
    return this.versions.diff(datasetId, query.against, version);
  }

  /** Overlap report of this version against evaluation sets (shared word n-grams). */
  @Post('versions/:version/contamination')
  @HttpCode(200)
  @Roles('data-engineer', 'ml-engineer')
  contamination(
    @Param('datasetId', ParseUUIDPipe) datasetId: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: ContaminationCheckDto,
  ) {
    return this.versions.contamination(datasetId, version, dto.against, dto.ngram);
  }

  /** Queues a job building a version from parent versions (202 with the job). */
  @Post('derivations')
  @HttpCode(202)
  @Roles('data-engineer')
  derive(@Param('datasetId', ParseUUIDPipe) datasetId: string, @Body() dto: DeriveVersionDto) {
    return this.versions.derive(datasetId, dto);
  }
}
