import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { SourceKind } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { connectorConfigSchema } from '../connectors';
import type { JobView } from '../dtos/build-options.dto';
import type { CreateSourceDto, SourceView } from '../dtos/source.dto';
import { JobService } from '../jobs/job.service';
import { DatasetRepository } from '../repositories/dataset.repository';
import { SourceRepository, type SourceRow } from '../repositories/source.repository';
import { BuildSpecResolver } from '../services/build-spec.resolver';

const toView = (s: SourceRow): SourceView => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  config: s.config,
  datasetId: s.datasetId,
  build: s.build,
  batchPolicy: s.batchPolicy,
  createdAt: s.createdAt.toISOString(),
});

/** Registered sources and their runs (each run is a job that builds one version). */
@Injectable()
export class SourceService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sources: SourceRepository,
    private readonly datasets: DatasetRepository,
    private readonly resolver: BuildSpecResolver,
    private readonly jobs: JobService,
  ) {}

  async create(dto: CreateSourceDto): Promise<SourceView> {
    const config = this.validateConfig(dto.kind, dto.config);
    await this.resolver.resolve({ ...dto.build, parents: [] }); // the recipe must exist now, not at the first run
    return this.tx.run(async () => {
      if (!(await this.datasets.findById(dto.datasetId))) {
        throw new AppError('UNKNOWN_DATASET', 422, `no dataset ${dto.datasetId}`, {
          errors: [{ path: 'datasetId', message: 'no such dataset' }],
        });
      }
      if (await this.sources.find(dto.name)) {
        throw new AppError('SOURCE_NAME_TAKEN', 409, `a source named ${dto.name} already exists`);
      }
      const id = uuidv7();
      await this.sources.insert({
        id,
        name: dto.name,
        kind: dto.kind,
        config,
        datasetId: dto.datasetId,
        build: { ...dto.build, parents: [] },
        batchPolicy:
          dto.kind === 'kafka' ? (dto.batchPolicy ?? { maxRecords: 10_000, maxWaitSeconds: 3600 }) : null,
      });
      return toView(await this.require(id));
    });
  }

  async list(): Promise<SourceView[]> {
    return (await this.sources.list()).map(toView);
  }

  async view(idOrName: string): Promise<SourceView> {
    return toView(await this.require(idOrName));
  }

  /** Starts a run: a job that reads the source now and builds the next version of its dataset. */
  async run(idOrName: string): Promise<JobView> {
    const source = await this.require(idOrName);
    if (source.kind === 'kafka' || source.kind === 'upload') {
      throw new AppError(
        'SOURCE_NOT_RUNNABLE',
        409,
        `${source.kind} sources build versions as records arrive; they are not run by hand`,
      );
    }
    const build = await this.resolver.resolve(source.build);
    return this.jobs.enqueue({
      datasetId: source.datasetId,
      origin: { kind: 'source', sourceId: source.id, sourceKind: source.kind },
      input: { kind: 'source', sourceId: source.id },
      build,
    });
  }

  /** The implicit `upload` source of a dataset, created on its first upload (uploads need an origin). */
  async uploadSourceOf(datasetId: string): Promise<SourceRow> {
    return this.tx.run(async () => {
      const dataset = await this.datasets.findByIdForUpdate(datasetId);
      if (!dataset) throw new AppError('DATASET_NOT_FOUND', 404, `no dataset ${datasetId}`);
      const name = `${dataset.name}-uploads`.slice(0, 63);
      const existing = await this.sources.find(name);
      if (existing) return existing;
      const id = uuidv7();
      await this.sources.insert({
        id,
        name,
        kind: 'upload',
        config: {},
        datasetId,
        build: { recipe: null, read: { format: 'auto', textUnit: 'file' }, parents: [] },
        batchPolicy: null,
      });
      return this.require(id);
    });
  }

  private validateConfig(kind: string, config: unknown): Record<string, unknown> {
    const result = connectorConfigSchema(kind as SourceKind).safeParse(config);
    if (result.success) return result.data as Record<string, unknown>;
    const errors = result.error.issues.map((i: { path: PropertyKey[]; message: string }) => ({
      path: ['config', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new AppError(
      'INVALID_SOURCE_CONFIG',
      422,
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      {
        errors,
      },
    );
  }

  private async require(idOrName: string): Promise<SourceRow> {
    const source = await this.sources.find(idOrName);
    if (!source) throw new AppError('SOURCE_NOT_FOUND', 404, `no source ${idOrName}`);
    return source;
  }
}
