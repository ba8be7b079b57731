import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { CreateSweepDto } from './sweep.dto';
import { SweepService } from './sweep.service';

@ApiTags('training')
@Controller('v1/training/sweeps')
export class SweepController {
  constructor(private readonly sweeps: SweepService) {}

  /** Starts a sweep → 201 with its first trials queued. */
  @Post()
  @Roles('ml-engineer')
  create(@Body() dto: CreateSweepDto) {
    return this.sweeps.create(dto);
  }

  @Get()
  @Roles('viewer', 'ml-engineer', 'data-engineer')
  list() {
    return this.sweeps.list();
  }

  /** The sweep with its trials (params, status, objective) and the best run so far. */
  @Get(':sweepId')
  @Roles('viewer', 'ml-engineer', 'data-engineer')
  get(@Param('sweepId', ParseUUIDPipe) sweepId: string) {
    return this.sweeps.view(sweepId);
  }
}
