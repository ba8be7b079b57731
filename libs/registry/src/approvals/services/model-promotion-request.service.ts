import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { ModelAccessService } from '../../models/services/model-access.service';
import { ModelLifecycleService } from '../../models/services/model-lifecycle.service';
import { ModelLookupService } from '../../models/services/model-lookup.service';
import { holdsRole } from '../domain/approval-rules';
import { APPROVER_ROLE, requirementFor } from '../domain/promotion-policy';
import type { ApprovalRequestView } from '../dtos/approval.dto';
import { ApprovalExecutorRegistry } from './approval-executor.registry';
import { ApprovalService } from './approval.service';
import { EvidenceService } from './evidence.service';
import { PromotionPolicyService } from './promotion-policy.service';

const HOUR_MS = 3_600_000;

/**
 * Approval requests for model promotions: the policy of the target stage fixes how many approvals,
 * four-eyes and expiry; the evidence it requires is snapshotted into the request (and re-checked by the
 * gate when the transition runs). Also the executor that performs an approved promotion.
 */
@Injectable()
export class ModelPromotionRequestService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lifecycle: ModelLifecycleService,
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
    private readonly policies: PromotionPolicyService,
    private readonly evidence: EvidenceService,
    private readonly approvals: ApprovalService,
    private readonly executors: ApprovalExecutorRegistry,
  ) {}

  onModuleInit(): void {
    this.executors.register('model-stage-transition', (request, actor) => this.execute(request, actor));
  }

  request(
    modelName: string,
    version: number,
    input: { toStage: 'staging' | 'production'; comment: string },
    requestedBy: Actor,
  ): Promise<ApprovalRequestView> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(modelName);
      this.access.assertCanMaintain(requestedBy, model);
      const current = await this.lookup.version(model, version);
      const allowed = this.lifecycle.allowedTransitions(current.stage);
      if (!allowed.includes(input.toStage)) {
        throw new AppError(
          'ILLEGAL_TRANSITION',
          409,
          `${modelName} v${version} is ${current.stage}; it cannot move to ${input.toStage}` +
            (allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'),
          { extensions: { fromStage: current.stage, toStage: input.toStage, allowedStages: allowed } },
        );
      }
      const requirement = requirementFor(await this.policies.effective(modelName), input.toStage);
      if (requirement.requiredApprovals === 0) {
        throw new AppError(
          'APPROVAL_NOT_REQUIRED',
          422,
          `the policy of ${modelName} needs no approval to enter ${input.toStage}; transition it directly`,
        );
      }
      const statuses = await this.evidence.statuses(modelName, version);
      return this.approvals.request({
        subject: {
          kind: 'model-stage-transition',
          modelId: current.modelId,
          modelName: current.modelName,
          versionId: current.id,
          version: current.version,
          toStage: input.toStage,
        },
        requestedBy,
        requiredApprovals: requirement.requiredApprovals,
        fourEyes: requirement.fourEyes,
        approverRole: APPROVER_ROLE,
        comment: input.comment,
        evidence: statuses
          .filter((s) => requirement.requiredEvidence.includes(s.kind))
          .map((s) => ({ kind: s.kind, satisfied: s.satisfied, resourceId: s.resourceId })),
        expiresAt:
          requirement.requestTtlHours === null
            ? null
            : new Date(Date.now() + requirement.requestTtlHours * HOUR_MS),
      });
    });
  }

  /** Runs the approved transition through the lifecycle, whose gate checks and consumes the approval. */
  private async execute(request: ApprovalRequestView, actor: Actor): Promise<void> {
    if (request.subject.kind !== 'model-stage-transition') return;
    const { modelName, version, toStage } = request.subject;
    // Approvers may execute what they approved; anyone else needs the model's own permissions.
    if (!holdsRole(actor.roles, APPROVER_ROLE)) {
      this.access.assertCanMaintain(actor, await this.lookup.model(modelName));
    }
    const approvers = request.decisions
      .filter((d) => d.decision === 'approved')
      .map((d) => d.decidedBy.subject);
    await this.lifecycle.transition({
      modelName,
      version,
      toStage,
      actor,
      reason: `approval request ${request.id} approved by ${approvers.join(', ')}`,
      evidence: { approvalRequestId: request.id },
    });
  }
}
