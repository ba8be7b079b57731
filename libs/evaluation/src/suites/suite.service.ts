import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@llmops/http';
import { DatasetCatalogRepository } from '../catalog/dataset-catalog.repository';
import { GatePolicyRepository } from '../gates/gate-policy.repository';
import { toSuiteView, type CreateSuiteDto, type SuiteView } from './suite.dto';
import { SuiteRepository } from './suite.repository';

/** Suites: checked against the catalogue and the gate policies when created, then immutable. */
@Injectable()
export class SuiteService {
  constructor(
    private readonly suites: SuiteRepository,
    private readonly datasets: DatasetCatalogRepository,
    private readonly policies: GatePolicyRepository,
  ) {}

  async create(dto: CreateSuiteDto): Promise<SuiteView> {
    const { name, ...spec } = dto;
    const errors: { path: string; message: string }[] = [];
    for (const [index, d] of spec.datasets.entries()) {
      if (!(await this.datasets.find(d.dataset, d.version))) {
        errors.push({
          path: `body.datasets.${String(index)}`,
          message: `no dataset version ${d.dataset}@${String(d.version)} has been announced to evaluation`,
        });
      }
    }
    if (errors.length > 0) {
      throw new AppError('UNKNOWN_DATASET', 422, 'the suite names datasets evaluation does not know', {
        errors,
      });
    }
    if (spec.gatePolicy && !(await this.policies.find(spec.gatePolicy.name, spec.gatePolicy.version))) {
      throw new AppError(
        'UNKNOWN_GATE_POLICY',
        422,
        `no gate policy ${spec.gatePolicy.name}@${String(spec.gatePolicy.version)}`,
        { errors: [{ path: 'body.gatePolicy', message: 'unknown gate policy' }] },
      );
    }
    return toSuiteView(await this.suites.insertNextVersion(uuidv7(), name, spec));
  }

  async get(name: string, version: number | 'latest'): Promise<SuiteView> {
    const suite = await this.suites.find(name, version);
    if (!suite) throw new AppError('SUITE_NOT_FOUND', 404, `no suite ${name}@${String(version)}`);
    return toSuiteView(suite);
  }

  async list(): Promise<SuiteView[]> {
    return (await this.suites.listLatest()).map(toSuiteView);
  }
}
