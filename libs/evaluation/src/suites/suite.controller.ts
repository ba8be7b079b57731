import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditResource, Roles } from '@llmops/auth';
import { CreateSuiteDto, type SuiteView } from './suite.dto';
import { SuiteService } from './suite.service';

/** Evaluation suites: datasets, prompt template, metrics, probes, bound models and gate policy. */
@ApiTags('evaluation')
@AuditResource('evaluation-suite')
@Controller('v1/evaluations/suites')
export class SuiteController {
  constructor(private readonly suites: SuiteService) {}

  /** A new version of the named suite → 201. 422 for unknown datasets or gate policies. */
  @Post()
  @Roles('ml-engineer')
  create(@Body() dto: CreateSuiteDto): Promise<SuiteView> {
    return this.suites.create(dto);
  }

  /** The latest version of every suite. */
  @Get()
  @Roles('viewer', 'ml-engineer')
  list(): Promise<SuiteView[]> {
    return this.suites.list();
  }

  @Get(':name')
  @Roles('viewer', 'ml-engineer')
  latest(@Param('name') name: string): Promise<SuiteView> {
    return this.suites.get(name, 'latest');
  }

  @Get(':name/versions/:version')
  @Roles('viewer', 'ml-engineer')
  get(@Param('name') name: string, @Param('version', ParseIntPipe) version: number): Promise<SuiteView> {
    return this.suites.get(name, version);
  }
}
