import { Injectable } from '@nestjs/common';
import { ModelCardService } from '../../models/services/model-card.service';
import { ModelLookupService } from '../../models/services/model-lookup.service';
import { evaluateEvidence, type EvaluationFacts, type EvidenceStatus } from '../domain/evaluate-evidence';
import type { PromotionEvidenceKind, StageRequirement } from '../domain/promotion-policy';
import type { ModelVersionEvidenceView } from '../dtos/evidence.dto';
import {
  EvaluationEvidenceRepository,
  type StoredEvaluation,
} from '../repositories/evaluation-evidence.repository';
import { PromotionPolicyService } from './promotion-policy.service';

function toFacts(e: StoredEvaluation): EvaluationFacts {
  return {
    evaluationId: e.evaluationId,
    suiteId: e.suite.suiteId,
    suiteName: e.suite.name,
    gateVerdict: e.gate?.verdict ?? null,
    failedRules: e.gate?.reasons.filter((r) => !r.passed).map((r) => r.message) ?? [],
    probes: e.probes,
    completedAt: e.completedAt,
  };
}

function missingKinds(
  statuses: readonly EvidenceStatus[],
  requirement: StageRequirement,
): PromotionEvidenceKind[] {
  return statuses
    .filter((s) => requirement.requiredEvidence.includes(s.kind) && !s.satisfied)
    .map((s) => s.kind);
}

/** What is known for a model version — evaluations, safety probes, model card — judged against its policy. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evaluations: EvaluationEvidenceRepository,
    private readonly cards: ModelCardService,
    private readonly policies: PromotionPolicyService,
    private readonly models: ModelLookupService,
  ) {}

  async statuses(modelName: string, version: number): Promise<EvidenceStatus[]> {
    const stored = await this.evaluations.listForVersion(modelName, version);
    return evaluateEvidence(stored.map(toFacts), await this.cards.isComplete(modelName, version));
  }

  async view(modelName: string, version: number): Promise<ModelVersionEvidenceView> {
    await this.models.modelVersion(modelName, version);
    const stored = await this.evaluations.listForVersion(modelName, version);
    const evidence = evaluateEvidence(stored.map(toFacts), await this.cards.isComplete(modelName, version));
    const policy = await this.policies.effective(modelName);
    return {
      modelName,
      version,
      evidence,
      requirements: {
        staging: {
          required: policy.staging.requiredEvidence,
          missing: missingKinds(evidence, policy.staging),
        },
        production: {
          required: policy.production.requiredEvidence,
          missing: missingKinds(evidence, policy.production),
        },
      },
      evaluations: stored,
    };
  }
}
