import { Injectable } from '@nestjs/common';
import { AppError } from '@llmops/http';
import { PromotionGate, type PromotionGateInput } from '../../models/promotion-gate';
import { approvalShortfall } from '../domain/approval-rules';
import { modelTransitionKey } from '../domain/approval-subject-key';
import { missingEvidence } from '../domain/evaluate-evidence';
import { APPROVER_ROLE, requirementFor, type StageRequirement } from '../domain/promotion-policy';
import type { ApprovalRequestView } from '../dtos/approval.dto';
import { ApprovalService } from './approval.service';
import { viewFacts } from './approval-view.mapper';
import { EvidenceService } from './evidence.service';
import { PromotionPolicyService } from './promotion-policy.service';

/**
 * The promotion gate the models area calls (inside its transition's transaction) before a version
 * enters staging or production: the model's policy for that stage must be met — required evidence
 * present, and an approved request with enough approvals from distinct approvers other than the
 * requester. A passing check consumes the approval (it authorises this one transition; if the
 * transition fails afterwards, its rollback un-consumes it).
 */
interface Problem {
  path: string;
  message: string;
}

@Injectable()
export class PolicyPromotionGate extends PromotionGate {
  constructor(
    private readonly policies: PromotionPolicyService,
    private readonly evidence: EvidenceService,
    private readonly approvals: ApprovalService,
  ) {
    super();
  }

  async check(input: PromotionGateInput): Promise<void> {
    const requirement = requirementFor(await this.policies.effective(input.modelName), input.toStage);
    const evidence = await this.missingEvidence(input, requirement);
    const approval = await this.approval(input, requirement);
    const problems = [...evidence, ...(approval.problem ? [approval.problem] : [])];
    if (evidence.length > 0) {
      throw new AppError(
        'EVIDENCE_MISSING',
        409,
        `${input.modelName} v${input.version} cannot enter ${input.toStage}: ` +
          `${problems.map((p) => p.path).join(', ')} missing`,
        { errors: problems, extensions: { toStage: input.toStage } },
      );
    }
    if (approval.problem) {
      throw new AppError(
        'APPROVAL_REQUIRED',
        409,
        `${input.modelName} v${input.version} cannot enter ${input.toStage} without an approved request`,
        { errors: problems, extensions: { toStage: input.toStage } },
      );
    }
    if (approval.requestId) await this.approvals.markApplied(approval.requestId, input.actor);
  }

  private async missingEvidence(
    input: PromotionGateInput,
    requirement: StageRequirement,
  ): Promise<Problem[]> {
    if (requirement.requiredEvidence.length === 0) return [];
    const statuses = await this.evidence.statuses(input.modelName, input.version);
    return missingEvidence(statuses, requirement.requiredEvidence);
  }

  /** The approved request this transition consumes, or what is wrong with the approval. */
  private async approval(
    input: PromotionGateInput,
    requirement: StageRequirement,
  ): Promise<{ requestId: string | null; problem: Problem | null }> {
    if (requirement.requiredApprovals === 0) return { requestId: null, problem: null };
    const key = modelTransitionKey(input.modelName, input.version, input.toStage);
    const approved = await this.approvals.findApprovedByKey(key);
    if (!approved) {
      const message =
        `no approved request to move ${input.modelName} v${input.version} to ${input.toStage}; ` +
        `the policy requires ${requirement.requiredApprovals} approval(s)` +
        (requirement.fourEyes ? ' from approvers other than the requester' : '');
      return { requestId: null, problem: { path: 'approval', message } };
    }
    const shortfall = shortfallOf(approved, requirement);
    if (shortfall) return { requestId: null, problem: { path: 'approval', message: shortfall } };
    // The stage-changed event names the claimed request as the authority: it must be the one consumed.
    const claimed = input.evidence?.['approvalRequestId'];
    if (claimed !== undefined && claimed !== approved.id) {
      const message = `the approved request for this change is ${approved.id}, not ${JSON.stringify(claimed)}`;
      return { requestId: null, problem: { path: 'evidence.approvalRequestId', message } };
    }
    return { requestId: approved.id, problem: null };
  }
}

function shortfallOf(approved: ApprovalRequestView, requirement: StageRequirement): string | null {
  const { request, decisions } = viewFacts(approved);
  return approvalShortfall(request, decisions, {
    requiredApprovals: requirement.requiredApprovals,
    fourEyes: requirement.fourEyes,
    approverRole: APPROVER_ROLE,
  });
}
