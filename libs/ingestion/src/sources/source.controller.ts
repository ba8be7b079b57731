import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { CreateSourceDto } from '../dtos/source.dto';
import { SourceService } from './source.service';

@ApiTags('sources')
@Controller('v1/sources')
export class SourceController {
  constructor(private readonly sources: SourceService) {}

  @Post()
  @Roles('data-engineer')
  create(@Body() dto: CreateSourceDto) {
    return this.sources.create(dto);
  }

  @Get()
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  list() {
    return this.sources.list();
  }

  @Get(':source')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  get(@Param('source') source: string) {
    return this.sources.view(source);
  }

  /** Reads the source now and queues a job building the next version (202 with the job). */
  @Post(':source/runs')
  @HttpCode(202)
  @Roles('data-engineer')
  run(@Param('source') source: string) {
    return this.sources.run(source);
  }
}
