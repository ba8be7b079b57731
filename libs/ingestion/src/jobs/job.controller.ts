import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { JobService } from './job.service';

@ApiTags('datasets')
@Controller('v1/datasets/:datasetId/jobs')
export class JobController {
  constructor(private readonly jobs: JobService) {}

  @Get()
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  list(@Param('datasetId', ParseUUIDPipe) datasetId: string) {
    return this.jobs.list(datasetId);
  }

  /** A job's state; a succeeded job's report has the version number, counts by reason and peak RSS. */
  @Get(':jobId')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  get(@Param('datasetId', ParseUUIDPipe) datasetId: string, @Param('jobId', ParseUUIDPipe) jobId: string) {
    return this.jobs.view(datasetId, jobId);
  }
}
