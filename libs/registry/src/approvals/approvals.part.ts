import { PromotionGate } from '../models/promotion-gate';
import type { RegistryPart } from '../registry-part';
import { EvaluationCompletedConsumer } from './consumers/evaluation-completed.consumer';
import { ApprovalController } from './controllers/approval.controller';
import { ModelApprovalController } from './controllers/model-approval.controller';
import { PromotionPolicyController } from './controllers/promotion-policy.controller';
import { CreateApprovals1764400200000 } from './migrations/create-approvals.migration';
import { ApprovalActivityRepository } from './repositories/approval-activity.repository';
import { ApprovalRequestRepository } from './repositories/approval-request.repository';
import { EvaluationEvidenceRepository } from './repositories/evaluation-evidence.repository';
import { PromotionPolicyRepository } from './repositories/promotion-policy.repository';
import { ApprovalExecutionService } from './services/approval-execution.service';
import { ApprovalExecutorRegistry } from './services/approval-executor.registry';
import { ApprovalService } from './services/approval.service';
import { AutoStagingService } from './services/auto-staging.service';
import { EvidenceService } from './services/evidence.service';
import { ModelPromotionRequestService } from './services/model-promotion-request.service';
import { PolicyPromotionGate } from './services/policy-promotion.gate';
import { PromotionPolicyService } from './services/promotion-policy.service';

const promotionGate = { provide: PromotionGate, useClass: PolicyPromotionGate };

/**
 * Registry area: promotion policies, evaluation evidence, approval requests (decisions, comments) and
 * the promotion gate the models area consults. ApprovalService and ApprovalExecutorRegistry are for
 * other areas (prompts: protected label moves).
 */
export const approvalsPart: RegistryPart = {
  controllers: [
    PromotionPolicyController,
    ModelApprovalController,
    ApprovalController,
    EvaluationCompletedConsumer,
  ],
  providers: [
    PromotionPolicyRepository,
    EvaluationEvidenceRepository,
    ApprovalRequestRepository,
    ApprovalActivityRepository,
    PromotionPolicyService,
    EvidenceService,
    ApprovalService,
    ApprovalExecutorRegistry,
    ApprovalExecutionService,
    ModelPromotionRequestService,
    AutoStagingService,
    promotionGate,
  ],
  entities: [],
  migrations: [CreateApprovals1764400200000],
  exports: [ApprovalService, ApprovalExecutorRegistry, promotionGate],
};
