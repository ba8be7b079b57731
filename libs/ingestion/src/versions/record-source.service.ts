import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_RECORD_MAPPING,
  mapRow,
  readRecords,
  readShard,
  type DataRecord,
  type RecordMapping,
  type RecordReject,
} from '@llmops/data-formats';
import type { RecordsV1 } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import { objectKeyOf, ObjectStore } from '@llmops/storage';
import { INGESTION_CONFIG, type IngestionConfig } from '../config';
import { connectorFor, type SourceInput } from '../connectors';
import type { BuildSpec } from '../domain/build-spec';
import { DatasetRepository } from '../repositories/dataset.repository';
import type { JobRow } from '../repositories/job.repository';
import { RecordBufferRepository } from '../repositories/record-buffer.repository';
import { SourceRepository } from '../repositories/source.repository';
import { readManifest } from './manifest';

export type RecordItem = { record: DataRecord } | { reject: RecordReject };

/** What a job reads, as one stream of records and rejects whatever the input kind. */
@Injectable()
export class RecordSource {
  constructor(
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
    private readonly tx: TransactionHost,
    private readonly store: ObjectStore,
    private readonly sources: SourceRepository,
    private readonly buffer: RecordBufferRepository,
    private readonly datasets: DatasetRepository,
  ) {}

  async *open(
    job: JobRow,
    mapping: RecordMapping | undefined,
    signal: AbortSignal,
  ): AsyncIterable<RecordItem> {
    const input = job.input;
    switch (input.kind) {
      case 'upload':
        yield* this.readFile(
          await this.store.get(input.key),
          input.fileName,
          input.contentType,
          job.build,
          mapping,
        );
        return;
      case 'labeling-export':
        yield* this.readFile(
          await this.store.get(input.key),
          'export.jsonl.gz',
          undefined,
          job.build,
          mapping,
        );
        return;
      case 'source':
        yield* this.readSource(input.sourceId, job.build, mapping, signal);
        return;
      case 'kafka-batch':
        for await (const record of this.buffer.read(job.id)) yield { record: fromKafka(record) };
        return;
      case 'parents':
        for (const parent of job.build.parents) yield* this.readVersion(parent.versionId);
        return;
    }
  }

  /** Every record of a stored version (all splits), e.g. a parent or an evaluation set. */
  async *readVersion(versionId: string, split?: string): AsyncIterable<RecordItem> {
    const version = await this.tx.run(() => this.datasets.findVersionById(versionId));
    if (!version)
      throw Object.assign(new Error(`no dataset version ${versionId}`), { code: 'unknown-version' });
    const descriptor = version.descriptor as { manifest: { uri: string } };
    const manifest = await readManifest(this.store, objectKeyOf(descriptor.manifest.uri));
    for (const shard of manifest.shards) {
      if (split && shard.split !== split) continue;
      for await (const record of readShard(await this.store.get(objectKeyOf(shard.uri)))) yield { record };
    }
  }

  private readFile(
    body: AsyncIterable<Buffer>,
    fileName: string,
    contentType: string | undefined,
    build: BuildSpec,
    mapping: RecordMapping | undefined,
  ): AsyncIterable<RecordItem> {
    return readRecords(body, {
      fileName,
      contentType,
      format: build.read.format,
      textUnit: build.read.textUnit,
      mapping: mapping ?? DEFAULT_RECORD_MAPPING,
      limits: {
        maxLineBytes: this.config.INGESTION_MAX_LINE_BYTES,
        maxRecordBytes: this.config.INGESTION_MAX_LINE_BYTES,
        maxDecompressedBytes: this.config.INGESTION_MAX_DECOMPRESSED_BYTES,
        maxGzipRatio: this.config.INGESTION_MAX_GZIP_RATIO,
      },
    });
  }

  private async *readSource(
    sourceId: string,
    build: BuildSpec,
    mapping: RecordMapping | undefined,
    signal: AbortSignal,
  ): AsyncIterable<RecordItem> {
    const source = await this.tx.run(() => this.sources.find(sourceId));
    if (!source)
      throw Object.assign(new Error(`source ${sourceId} no longer exists`), { code: 'unknown-source' });
    const inputs: AsyncIterable<SourceInput> = connectorFor(source.kind).open(source.config, {
      signal,
      store: this.store,
      tmpDir: this.config.INGESTION_TMP_DIR,
    });
    for await (const input of inputs) {
      if (input.kind === 'bytes') {
        const items = this.readFile(input.body, input.name, input.contentType, build, mapping);
        yield* withInputProvenance(items, input.uri);
      } else {
        let line = 0;
        for await (const row of input.rows) {
          line += 1;
          yield mapRow(row, mapping ?? DEFAULT_RECORD_MAPPING, { file: input.name, line, unit: 'row' });
        }
      }
    }
  }
}

/** Stamps the input's address (final URL, `git+repo@sha#path`, object URI) on records that lack one. */
async function* withInputProvenance(
  items: AsyncIterable<RecordItem>,
  uri: string | undefined,
): AsyncIterable<RecordItem> {
  for await (const item of items) {
    if (uri && 'record' in item && !item.record.provenance.uri) item.record.provenance.uri = uri;
    yield item;
  }
}

function fromKafka(message: RecordsV1): DataRecord {
  return {
    id: message.recordId,
    content: message.record,
    metadata: message.metadata ?? {},
    provenance: { ...message.provenance, file: `kafka:${message.sourceId}` },
  };
}
