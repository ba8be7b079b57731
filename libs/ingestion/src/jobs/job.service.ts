import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { DatasetOrigin } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { PollWakeup, TransactionHost } from '@llmops/persistence';
import type { BuildSpec } from '../domain/build-spec';
import type { JobInput } from '../domain/job-input';
import type { JobView } from '../dtos/build-options.dto';
import { DatasetRepository } from '../repositories/dataset.repository';
import { JobRepository, type JobRow } from '../repositories/job.repository';

export const toJobView = (job: JobRow): JobView => ({
  id: job.id,
  datasetId: job.datasetId,
  versionId: job.versionId,
  status: job.status,
  origin: job.origin,
  attempts: job.attempts,
  report: job.report,
  error: job.error,
  createdAt: job.createdAt.toISOString(),
  startedAt: job.startedAt?.toISOString() ?? null,
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

export interface NewJob {
  datasetId: string;
  origin: DatasetOrigin;
  input: JobInput;
  build: BuildSpec;
  /** Pre-assigned ids, when the caller already wrote objects under them (uploads). */
  id?: string;
}

/** Queues ingestion jobs and answers for them; a worker builds the version (never the request thread). */
@Injectable()
export class JobService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly jobs: JobRepository,
    private readonly datasets: DatasetRepository,
    private readonly wakeup: PollWakeup,
  ) {}

  /** Queues a job; joins the caller's transaction when there is one (consumers claim their event with it). */
  async enqueue(job: NewJob): Promise<JobView> {
    const id = job.id ?? uuidv7();
    const view = await this.tx.run(async () => {
      if (!(await this.datasets.findById(job.datasetId))) {
        throw new AppError('DATASET_NOT_FOUND', 404, `no dataset ${job.datasetId}`);
      }
      await this.jobs.insert({ ...job, id, versionId: uuidv7() });
      return toJobView(await this.require(id));
    });
    this.tx.afterCommit(() => {
      this.wakeup.notify();
    });
    this.wakeup.notify();
    return view;
  }

  async view(datasetId: string, jobId: string): Promise<JobView> {
    const job = await this.require(jobId);
    if (job.datasetId !== datasetId) throw notFound(jobId);
    return toJobView(job);
  }

  async list(datasetId: string): Promise<JobView[]> {
    return (await this.jobs.listForDataset(datasetId, 100)).map(toJobView);
  }

  private async require(jobId: string): Promise<JobRow> {
    const job = await this.jobs.find(jobId);
    if (!job) throw notFound(jobId);
    return job;
  }
}

function notFound(jobId: string): AppError {
  return new AppError('JOB_NOT_FOUND', 404, `no ingestion job ${jobId}`);
}
