import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import { NamedVersionRepository, type NamedVersion } from '../versioning/named-version.repository';
import type { SuiteSpec } from './suite.dto';

/** Suites: `evaluation.suites`, one immutable row per version. */
@Injectable()
export class SuiteRepository extends NamedVersionRepository<SuiteSpec> {
  constructor(tx: TransactionHost) {
    super(tx, 'evaluation.suites', 'spec');
  }

  /** The latest version of every suite bound to the model. */
  async boundTo(modelName: string): Promise<NamedVersion<SuiteSpec>[]> {
    return (await this.listLatest()).filter((suite) => suite.body.models.includes(modelName));
  }
}
