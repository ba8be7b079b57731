import { Injectable, Logger } from '@nestjs/common';
import { Topics, type DatasetVersionCreatedV1, type S3ObjectRef } from '@llmops/contracts';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { ObjectStore } from '@llmops/storage';
import { toErrorInfo } from '../domain/job-error';
import { versionLayout } from '../domain/version-layout';
import { DatasetRepository } from '../repositories/dataset.repository';
import { JobRepository, type JobRow } from '../repositories/job.repository';
import type { BuiltVersion } from '../versions/built-version';

/** A build failure that still carries what the build learnt (reject sample, records read). */
export interface BuildFailureDetails {
  recordsRead?: number;
  rejectSample?: S3ObjectRef | null;
  report?: Record<string, unknown>;
}

function detailsOf(error: unknown): BuildFailureDetails {
  if (typeof error === 'object' && error !== null && 'details' in error) {
    return (error as { details: BuildFailureDetails }).details;
  }
  return {};
}

/**
 * Makes a built version visible, or a failure final. Visibility is one transaction: the version row,
 * the dataset's latest number and the `dataset-version-created` outbox row commit together, so the
 * event exists iff the version does. A failure removes every object the attempt wrote.
 */
@Injectable()
export class JobOutcomeRecorder {
  private readonly logger = new Logger(JobOutcomeRecorder.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly jobs: JobRepository,
    private readonly datasets: DatasetRepository,
    private readonly events: EventPublisher,
    private readonly store: ObjectStore,
  ) {}

  async succeeded(job: JobRow, built: BuiltVersion): Promise<DatasetVersionCreatedV1> {
    return this.tx.run(async () => {
      const dataset = await this.datasets.findByIdForUpdate(job.datasetId);
      if (!dataset) throw new Error(`dataset ${job.datasetId} vanished`);
      const version = dataset.latestVersion + 1;
      const event: DatasetVersionCreatedV1 = {
        ...built.descriptor,
        datasetId: dataset.id,
        datasetName: dataset.name,
        versionId: job.versionId,
        version,
        createdAt: new Date().toISOString(),
      };
      await this.datasets.insertVersion({
        id: job.versionId,
        datasetId: dataset.id,
        version,
        descriptor: event,
        createdAt: new Date(event.createdAt),
      });
      await this.datasets.setLatestVersion(dataset.id, version);
      await this.jobs.succeed(job.id, { ...built.report, version });
      await this.events.publish(Topics.datasetVersionCreated, event, { key: dataset.id });
      return event;
    });
  }

  async failed(job: JobRow, error: unknown): Promise<void> {
    const info = toErrorInfo(error);
    const details = detailsOf(error);
    this.logger.warn(`job ${job.id} failed: ${info.code} ${info.message}`);
    await this.removeObjects(versionLayout(job.datasetId, job.versionId).prefix);
    await this.tx.run(async () => {
      await this.jobs.fail(job.id, { code: info.code, message: info.message }, details.report ?? null);
      await this.events.publish(
        Topics.datasetVersionFailed,
        {
          datasetId: job.datasetId,
          jobId: job.id,
          origin: job.origin,
          recipe: job.build.recipe
            ? { recipeId: job.build.recipe.recipeId, version: job.build.recipe.version }
            : null,
          error: info,
          recordsRead: details.recordsRead ?? 0,
          rejectSample: details.rejectSample ?? null,
          failedAt: new Date().toISOString(),
        },
        { key: job.datasetId },
      );
    });
  }

  private async removeObjects(prefix: string): Promise<void> {
    try {
      for await (const key of this.store.list(prefix)) await this.store.delete(key);
    } catch (error) {
      this.logger.warn(`could not remove ${prefix}: ${String(error)}`);
    }
  }
}
