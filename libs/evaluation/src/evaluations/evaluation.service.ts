import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@llmops/http';
import { PollWakeup, TransactionHost } from '@llmops/persistence';
import { DatasetCatalogRepository } from '../catalog/dataset-catalog.repository';
import { ModelCatalogRepository, type CatalogModelVersion } from '../catalog/model-catalog.repository';
import { GatePolicyRepository } from '../gates/gate-policy.repository';
import type { SuiteSpec } from '../suites/suite.dto';
import { SuiteRepository } from '../suites/suite.repository';
import type { NamedVersion } from '../versioning/named-version.repository';
import type { CreateEvaluationDto, ListEvaluationsQueryDto } from './evaluation.dto';
import type {
  EvaluationCandidate,
  EvaluationTrigger,
  FrozenGatePolicy,
  ResolvedDataset,
} from './evaluation-row';
import { EvaluationRepository } from './evaluation.repository';
import { versionRef } from './evaluation-result';
import { toEvaluationView, type EvaluationView } from './evaluation-view';

/** Formats the builtin runtime can run in-process; other registry formats need an endpoint. */
const RUNNABLE_FORMATS = new Set(['builtin']);

/**
 * Creating and reading evaluations. Everything an evaluation depends on — dataset versions, the gate
 * policy version — is resolved and frozen when it is queued, so a result always says exactly what it used.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly evaluations: EvaluationRepository,
    private readonly suites: SuiteRepository,
    private readonly datasets: DatasetCatalogRepository,
    private readonly models: ModelCatalogRepository,
    private readonly policies: GatePolicyRepository,
    private readonly wakeup: PollWakeup,
  ) {}

  async create(dto: CreateEvaluationDto): Promise<EvaluationView> {
    const suite = await this.suites.find(dto.suite.name, dto.suite.version);
    if (!suite) {
      throw unprocessable(
        'UNKNOWN_SUITE',
        'body.suite',
        `no suite ${dto.suite.name}@${String(dto.suite.version)}`,
      );
    }
    let candidate: EvaluationCandidate;
    if (dto.candidate.kind === 'endpoint') {
      candidate = dto.candidate;
    } else {
      const version = await this.models.byName(dto.candidate.modelName, dto.candidate.version);
      if (!version) {
        throw unprocessable(
          'UNKNOWN_MODEL_VERSION',
          'body.candidate',
          `no model version ${dto.candidate.modelName}@${String(dto.candidate.version)} has been registered`,
        );
      }
      assertRunnable(version);
      candidate = modelCandidate(version);
    }
    const id = await this.queue(suite, candidate, 'manual', null);
    return this.get(id ?? '');
  }

  /**
   * `model-version-registered`: queues one evaluation per suite bound to the model. A suite whose data or
   * gate cannot be resolved is skipped (and reported), never failing the event.
   */
  async onModelRegistered(version: CatalogModelVersion): Promise<{ queued: string[]; skipped: string[] }> {
    const queued: string[] = [];
    const skipped: string[] = [];
    for (const suite of await this.suites.boundTo(version.modelName)) {
      try {
        assertRunnable(version);
        const id = await this.queue(
          suite,
          modelCandidate(version),
          'model-version-registered',
          `${suite.id}:${version.versionId}`,
        );
        if (id) queued.push(id);
      } catch (error) {
        skipped.push(
          `${suite.name} v${String(suite.version)}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return { queued, skipped };
  }

  async get(id: string): Promise<EvaluationView> {
    const row = await this.evaluations.get(id);
    if (!row) throw new AppError('EVALUATION_NOT_FOUND', 404, `no evaluation ${id}`);
    return toEvaluationView(row);
  }

  async list(query: ListEvaluationsQueryDto): Promise<EvaluationView[]> {
    return (await this.evaluations.list(query)).map(toEvaluationView);
  }

  private async queue(
    suite: NamedVersion<SuiteSpec>,
    candidate: EvaluationCandidate,
    trigger: EvaluationTrigger,
    dedupKey: string | null,
  ): Promise<string | null> {
    const datasets = await this.resolveDatasets(suite);
    const gatePolicy = await this.resolveGate(suite);
    const id = uuidv7();
    const inserted = await this.tx.run(() =>
      this.evaluations.insert({
        id,
        trigger,
        candidate,
        suite: { suiteId: suite.id, name: suite.name, version: suite.version },
        suiteSpec: suite.body,
        datasets,
        gatePolicy,
        dedupKey,
      }),
    );
    this.wakeup.notify();
    return inserted ? id : null;
  }

  private async resolveDatasets(suite: NamedVersion<SuiteSpec>): Promise<ResolvedDataset[]> {
    const resolved: ResolvedDataset[] = [];
    for (const [index, d] of suite.body.datasets.entries()) {
      const version = await this.datasets.find(d.dataset, d.version);
      if (!version) {
        throw unprocessable(
          'UNKNOWN_DATASET',
          `suite.datasets.${String(index)}`,
          `suite ${suite.name} v${String(suite.version)} names ${d.dataset}@${String(d.version)}, which evaluation does not know`,
        );
      }
      resolved.push({
        datasetId: version.datasetId,
        datasetName: version.datasetName,
        versionId: version.versionId,
        version: version.version,
        split: d.split,
        manifestUri: version.manifestUri,
      });
    }
    return resolved;
  }

  private async resolveGate(suite: NamedVersion<SuiteSpec>): Promise<FrozenGatePolicy | null> {
    const ref = suite.body.gatePolicy;
    if (!ref) return null;
    const policy = await this.policies.find(ref.name, ref.version);
    if (!policy) {
      throw unprocessable(
        'UNKNOWN_GATE_POLICY',
        'suite.gatePolicy',
        `no gate policy ${ref.name}@${String(ref.version)}`,
      );
    }
    return { id: policy.id, name: policy.name, version: policy.version, rules: policy.body };
  }
}

function modelCandidate(v: CatalogModelVersion): EvaluationCandidate {
  return { kind: 'model-version', ...versionRef(v), ...(v.runId ? { runId: v.runId } : {}) };
}

function assertRunnable(v: CatalogModelVersion): void {
  if (!RUNNABLE_FORMATS.has(v.format)) {
    throw unprocessable(
      'UNSUPPORTED_MODEL_FORMAT',
      'body.candidate',
      `${v.modelName} v${String(v.version)} is ${v.format}; evaluation runs builtin models in-process — serve it and evaluate its endpoint instead`,
    );
  }
}

function unprocessable(code: string, path: string, detail: string): AppError {
  return new AppError(code, 422, detail, { errors: [{ path, message: detail }] });
}
