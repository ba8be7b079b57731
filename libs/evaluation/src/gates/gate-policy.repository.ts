import { Injectable } from '@nestjs/common';
import type { GatePolicyRules } from '@llmops/eval-suite';
import { TransactionHost } from '@llmops/persistence';
import { NamedVersionRepository } from '../versioning/named-version.repository';

/** Gate policies: `evaluation.gate_policies`, one immutable row per version. */
@Injectable()
export class GatePolicyRepository extends NamedVersionRepository<GatePolicyRules> {
  constructor(tx: TransactionHost) {
    super(tx, 'evaluation.gate_policies', 'rules');
  }
}
