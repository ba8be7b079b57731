import { Injectable } from '@nestjs/common';
import type { DatasetVersionCreatedV1, DatasetVersionRef } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import type { JobView } from '../dtos/build-options.dto';
import type { DeriveVersionDto } from '../dtos/version-ops.dto';
import { JobService } from '../jobs/job.service';
import { DatasetRepository } from '../repositories/dataset.repository';
import { BuildSpecResolver } from '../services/build-spec.resolver';
import { ContaminationReportService, type ContaminationReport } from './contamination-report.service';
import { VersionDiffService, type VersionDiff } from './version-diff.service';

/** Reads about versions (descriptor, diff, contamination) and derives new ones from them. */
@Injectable()
export class VersionQueryService {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly diffs: VersionDiffService,
    private readonly contaminationReports: ContaminationReportService,
    private readonly resolver: BuildSpecResolver,
    private readonly jobs: JobService,
  ) {}

  async descriptor(datasetId: string, version: number): Promise<DatasetVersionCreatedV1> {
    const row = await this.datasets.findVersion(datasetId, version);
    if (!row)
      throw new AppError('DATASET_VERSION_NOT_FOUND', 404, `dataset ${datasetId} has no version ${version}`);
    return row.descriptor as DatasetVersionCreatedV1;
  }

  async diff(datasetId: string, base: number, head: number): Promise<VersionDiff> {
    const [b, h] = [await this.descriptor(datasetId, base), await this.descriptor(datasetId, head)];
    return { ...(await this.diffs.diff(b.versionId, h.versionId)), base: `v${base}`, head: `v${head}` };
  }

  async contamination(
    datasetId: string,
    version: number,
    against: DatasetVersionRef[],
    ngram: number,
  ): Promise<ContaminationReport> {
    const v = await this.descriptor(datasetId, version);
    await this.resolver.resolve({
      recipe: null,
      read: { format: 'auto', textUnit: 'file' },
      parents: against,
    });
    return this.contaminationReports.check(v.versionId, against, ngram);
  }

  async derive(datasetId: string, dto: DeriveVersionDto): Promise<JobView> {
    const build = await this.resolver.resolve(dto);
    return this.jobs.enqueue({ datasetId, origin: { kind: 'derived' }, input: { kind: 'parents' }, build });
  }
}
