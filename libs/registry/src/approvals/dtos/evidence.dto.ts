import type { EvidenceStatus } from '../domain/evaluate-evidence';
import type { PromotionEvidenceKind } from '../domain/promotion-policy';
import type { StoredEvaluation } from '../repositories/evaluation-evidence.repository';

/** `GET /v1/models/{name}/versions/{v}/evidence`. */
export interface ModelVersionEvidenceView {
  modelName: string;
  version: number;
  /** Every kind of evidence, whether it holds now and why. */
  evidence: EvidenceStatus[];
  /** What the policy in force requires to enter each stage, and which of it is missing now. */
  requirements: {
    staging: { required: PromotionEvidenceKind[]; missing: PromotionEvidenceKind[] };
    production: { required: PromotionEvidenceKind[]; missing: PromotionEvidenceKind[] };
  };
  /** The evaluations received for this version, newest first, with what automatic staging did. */
  evaluations: StoredEvaluation[];
}
