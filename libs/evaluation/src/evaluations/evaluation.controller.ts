import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditResource, Roles } from '@llmops/auth';
import { CreateEvaluationDto, ListEvaluationsQueryDto } from './evaluation.dto';
import { EvaluationReports } from './evaluation-reports.service';
import { EvaluationService } from './evaluation.service';
import type { EvaluationView } from './evaluation-view';

@ApiTags('evaluation')
@AuditResource('evaluation')
@Controller('v1/evaluations')
export class EvaluationController {
  constructor(
    private readonly evaluations: EvaluationService,
    private readonly reports: EvaluationReports,
  ) {}

  /** Queues an evaluation → 202. 422 for an unknown suite, model version, dataset or gate policy. */
  @Post()
  @HttpCode(202)
  @Roles('ml-engineer')
  create(@Body() dto: CreateEvaluationDto): Promise<EvaluationView> {
    return this.evaluations.create(dto);
  }

  @Get()
  @Roles('viewer', 'ml-engineer')
  list(@Query() query: ListEvaluationsQueryDto): Promise<EvaluationView[]> {
    return this.evaluations.list(query);
  }

  @Get(':id')
  @Roles('viewer', 'ml-engineer')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<EvaluationView> {
    return this.evaluations.get(id);
  }

  /** The full `report.json` of a finished evaluation (checksum verified). */
  @Get(':id/report')
  @Roles('viewer', 'ml-engineer')
  report(@Param('id', ParseUUIDPipe) id: string): Promise<unknown> {
    return this.reports.read(id);
  }
}
