import { Transform, type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { formatFromName } from '@llmops/data-formats';
import { AppError } from '@llmops/http';
import { ObjectStore } from '@llmops/storage';
import { INGESTION_CONFIG, type IngestionConfig } from '../config';
import { jobLayout } from '../domain/version-layout';
import type { BuildOptions, JobView } from '../dtos/build-options.dto';
import { JobService } from '../jobs/job.service';
import { BuildSpecResolver } from '../services/build-spec.resolver';
import { DatasetService } from '../services/dataset.service';
import { SourceService } from '../sources/source.service';

export interface IncomingFile {
  fileName: string;
  contentType: string | undefined;
  body: Readable;
}

/** Counts bytes and fails the stream past the limit, so a huge upload never fills the store. */
function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(new AppError('UPLOAD_TOO_LARGE', 413, `uploads are limited to ${max} bytes`));
      else done(null, chunk);
    },
  });
}

/**
 * Uploads: the file streams straight into the object store (sha256 on the way), then a job is queued
 * to build the version. Nothing is parsed in the request; a 202 returns the job to poll.
 */
@Injectable()
export class UploadService {
  constructor(
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
    private readonly store: ObjectStore,
    private readonly datasets: DatasetService,
    private readonly resolver: BuildSpecResolver,
    private readonly jobs: JobService,
    private readonly sources: SourceService,
  ) {}

  async upload(datasetId: string, file: IncomingFile, options: BuildOptions): Promise<JobView> {
    await this.datasets.get(datasetId);
    const format =
      options.read.format === 'auto' ? formatFromName(file.fileName, file.contentType) : options.read.format;
    if (!format) {
      file.body.resume();
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        415,
        `cannot read ${file.fileName} (${file.contentType ?? 'no content type'}): send JSONL, CSV, TSV, Parquet, text or Markdown, optionally gzip-compressed`,
      );
    }
    const build = await this.resolver.resolve(options);
    const jobId = uuidv7();
    const key = jobLayout(datasetId, jobId).upload(file.fileName);
    const stored = await this.store.put(
      key,
      file.body.pipe(limitBytes(this.config.INGESTION_MAX_UPLOAD_BYTES)),
      {
        contentType: file.contentType ?? 'application/octet-stream',
      },
    );
    if (stored.size === 0) {
      await this.store.delete(key);
      throw new AppError('EMPTY_UPLOAD', 422, `${file.fileName} is empty`);
    }
    const source = await this.sources.uploadSourceOf(datasetId);
    return this.jobs.enqueue({
      id: jobId,
      datasetId,
      origin: { kind: 'source', sourceId: source.id, sourceKind: 'upload' },
      input: { kind: 'upload', key, fileName: file.fileName, contentType: file.contentType },
      build,
    });
  }
}
