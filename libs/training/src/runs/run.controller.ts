import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@llmops/auth';
import { CallbackLogsDto, CallbackMetricsDto, CreateRunDto, ListRunsQueryDto } from './run.dto';
import { RunCallbackService } from './run-callback.service';
import { RunService } from './run.service';

@ApiTags('training')
@Controller('v1/training/runs')
export class RunController {
  constructor(
    private readonly runs: RunService,
    private readonly callbacks: RunCallbackService,
  ) {}

  /** Queues a run → 201 (queued). 422 for unknown dataset versions, bad hyperparameters or settings. */
  @Post()
  @Roles('ml-engineer')
  create(@Body() dto: CreateRunDto, @CurrentPrincipal() who: Principal) {
    return this.runs.create(dto, {
      kind: 'manual',
      actor: { subject: who.subject, kind: who.kind, roles: [...who.roles] },
    });
  }

  @Get()
  @Roles('viewer', 'ml-engineer', 'data-engineer')
  list(@Query() query: ListRunsQueryDto) {
    return this.runs.list(query);
  }

  @Get(':runId')
  @Roles('viewer', 'ml-engineer', 'data-engineer')
  get(@Param('runId', ParseUUIDPipe) runId: string) {
    return this.runs.view(runId);
  }

  /** Metrics per step (all attempts), optionally one metric: `?name=loss`. */
  @Get(':runId/metrics')
  @Roles('viewer', 'ml-engineer', 'data-engineer')
  metrics(@Param('runId', ParseUUIDPipe) runId: string, @Query('name') name?: string) {
    return this.runs.metrics(runId, name);
  }

  @Post(':runId/cancel')
  @HttpCode(202)
  @Roles('ml-engineer')
  cancel(@Param('runId', ParseUUIDPipe) runId: string) {
    return this.runs.cancel(runId);
  }

  @Post(':runId/retry')
  @HttpCode(202)
  @Roles('ml-engineer')
  retry(@Param('runId', ParseUUIDPipe) runId: string) {
    return this.runs.retry(runId);
  }

  /** Trainer protocol: metrics sample, authenticated by the run's own token (not a user key). */
  @Post(':runId/callback/metrics')
  @HttpCode(204)
  @Public()
  async callbackMetrics(
    @Param('runId', ParseUUIDPipe) runId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() dto: CallbackMetricsDto,
  ): Promise<void> {
    await this.callbacks.metrics(runId, authorization, dto);
  }

  @Post(':runId/callback/logs')
  @HttpCode(204)
  @Public()
  async callbackLogs(
    @Param('runId', ParseUUIDPipe) runId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() dto: CallbackLogsDto,
  ): Promise<void> {
    await this.callbacks.logs(runId, authorization, dto.lines);
  }
}
