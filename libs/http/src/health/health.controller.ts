import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { PublicRoute, ReadinessRegistry, type ReadinessReport } from '@llmops/observability';
import type { FastifyReply } from 'fastify';
import { HEALTH_MODULE_OPTIONS, type HealthModuleOptions } from './health-module.options';

/** Kubernetes probes: liveness says "do not restart me", readiness says "send me traffic". */
@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(HEALTH_MODULE_OPTIONS) private readonly options: HealthModuleOptions,
  ) {}

  /** Never checks dependencies: a broken database must not make Kubernetes restart every replica. */
  @Get('live')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'The process is running' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ description: 'Every dependency check passed' })
  @ApiServiceUnavailableResponse({
    description: 'A dependency check failed or timed out, or the process is shutting down',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate(this.options.timeoutMs);
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
