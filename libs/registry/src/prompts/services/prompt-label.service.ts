import { Injectable, type OnModuleInit } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type Actor, type ApprovalSubject } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { ApprovalExecutorRegistry, ApprovalService, type ApprovalRequestView } from '../../approvals';
import { isProtectedLabel, missingForMove, type MissingRequirement } from '../domain/label-move-rules';
import type { PromptLabelMoveView } from '../dtos/prompt-label.dto';
import { PromptLabelRepository, type PromptLabelMoveRecord } from '../repositories/prompt-label.repository';
import { PromptLinkRepository } from '../repositories/prompt-link.repository';
import type { PromptRecord, PromptVersionRecord } from '../repositories/prompt.repository';
import { PromptLookupService } from './prompt-lookup.service';

function subjectOf(prompt: PromptRecord, version: PromptVersionRecord, label: string): ApprovalSubject {
  return {
    kind: 'prompt-label-move',
    promptId: prompt.id,
    promptName: prompt.name,
    versionId: version.id,
    version: version.version,
    label,
  };
}

/** 409 naming everything a protected move lacks; the code says what is missing first. */
function refusal(label: string, missing: MissingRequirement[]): AppError {
  const approval = missing.some((m) => m.kind === 'approval');
  return new AppError(
    approval ? 'APPROVAL_REQUIRED' : 'EVIDENCE_MISSING',
    409,
    `the protected label ${label} cannot move yet: ${missing.map((m) => m.detail).join('; ')}`,
    {
      errors: missing.map((m) => ({ path: m.kind, message: m.detail })),
      extensions: { missing: missing.map((m) => m.kind) },
    },
  );
}

function moveView(prompt: PromptRecord, move: PromptLabelMoveRecord): PromptLabelMoveView {
  return {
    promptName: prompt.name,
    label: move.label,
    from:
      move.fromVersion === null || move.fromVersionId === null
        ? null
        : { version: move.fromVersion, versionId: move.fromVersionId },
    to: { version: move.toVersion, versionId: move.toVersionId },
    protected: move.protected,
    approvalRequestId: move.approvalRequestId,
    evaluationId: move.evaluationId,
    movedBy: move.movedBy,
    movedAt: move.movedAt,
  };
}

/**
 * Moves labels. Unprotected labels move freely; a protected one (production by default) moves only with
 * an approved request for exactly this move, which the move consumes, and a passing evaluation of the
 * target version. An approval that completes a request executes the move at once (registered executor).
 */
@Injectable()
export class PromptLabelService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lookup: PromptLookupService,
    private readonly labels: PromptLabelRepository,
    private readonly links: PromptLinkRepository,
    private readonly approvals: ApprovalService,
    private readonly executors: ApprovalExecutorRegistry,
    private readonly events: EventPublisher,
  ) {}

  onModuleInit(): void {
    this.executors.register('prompt-label-move', async (request, actor) => {
      if (request.subject.kind !== 'prompt-label-move') return;
      await this.move(request.subject.promptName, request.subject.label, request.subject.version, actor);
    });
  }

  /** Points `label` at `version`; moving it where it already points changes nothing (`moved: false`). */
  move(
    name: string,
    label: string,
    version: number,
    actor: Actor,
  ): Promise<PromptLabelMoveView & { moved: boolean }> {
    return this.tx.run(async () => {
      const prompt = await this.lookup.prompt(name, { forUpdate: true });
      const target = await this.lookup.version(prompt, version);
      const current = await this.labels.find(prompt.id, label);
      const isProtected = isProtectedLabel(label, prompt.protectedLabels);
      if (current?.versionId === target.id) {
        const here = { version: current.version, versionId: current.versionId };
        return {
          promptName: prompt.name,
          label,
          from: here,
          to: here,
          protected: isProtected,
          approvalRequestId: null,
          evaluationId: null,
          movedBy: current.movedBy,
          movedAt: current.movedAt,
          moved: false,
        };
      }
      let approval: ApprovalRequestView | null = null;
      let evaluationId: string | null = null;
      if (isProtected) {
        approval = await this.approvals.findApproved(subjectOf(prompt, target, label));
        evaluationId = await this.links.passingEvaluation(target.id);
      }
      const missing = missingForMove({
        label,
        protectedLabels: prompt.protectedLabels,
        approvalRequestId: approval?.id ?? null,
        passingEvaluationId: evaluationId,
      });
      if (missing.length > 0) throw refusal(label, missing);

      const move: PromptLabelMoveRecord = {
        id: uuidv7(),
        promptId: prompt.id,
        label,
        fromVersion: current?.version ?? null,
        fromVersionId: current?.versionId ?? null,
        toVersion: target.version,
        toVersionId: target.id,
        protected: isProtected,
        approvalRequestId: approval?.id ?? null,
        evaluationId,
        movedBy: actor,
        movedAt: new Date().toISOString(),
      };
      await this.labels.set({
        promptId: prompt.id,
        label,
        versionId: target.id,
        version: target.version,
        movedBy: actor,
        movedAt: move.movedAt,
      });
      await this.labels.insertMove(move);
      // One approval authorises one move: moving back later needs a new request.
      if (approval) await this.approvals.markApplied(approval.id, actor);
      const view = moveView(prompt, move);
      await this.events.publish(
        Topics.promptLabelMoved,
        {
          promptId: prompt.id,
          promptName: prompt.name,
          label,
          from: view.from,
          to: view.to,
          protected: isProtected,
          approvalRequestId: move.approvalRequestId,
          movedBy: actor,
          movedAt: move.movedAt,
        },
        { key: prompt.id },
      );
      return { ...view, moved: true };
    });
  }

  /** Opens an approval request to move a protected label, stating whether the evaluation evidence holds now. */
  requestApproval(
    name: string,
    label: string,
    version: number,
    comment: string,
    actor: Actor,
  ): Promise<ApprovalRequestView> {
    return this.tx.run(async () => {
      const prompt = await this.lookup.prompt(name);
      const target = await this.lookup.version(prompt, version);
      if (!isProtectedLabel(label, prompt.protectedLabels)) {
        throw new AppError(
          'PROMPT_LABEL_NOT_PROTECTED',
          409,
          `${label} is not a protected label of ${name}: move it directly`,
          { extensions: { protectedLabels: prompt.protectedLabels } },
        );
      }
      if ((await this.labels.find(prompt.id, label))?.versionId === target.id) {
        throw new AppError('PROMPT_LABEL_UNCHANGED', 409, `${label} already points at version ${version}`);
      }
      const evaluationId = await this.links.passingEvaluation(target.id);
      return this.approvals.request({
        subject: subjectOf(prompt, target, label),
        requestedBy: actor,
        requiredApprovals: prompt.requiredApprovals,
        comment,
        evidence: [
          { kind: 'passing-prompt-evaluation', satisfied: evaluationId !== null, resourceId: evaluationId },
        ],
      });
    });
  }

  async history(name: string): Promise<PromptLabelMoveView[]> {
    const prompt = await this.lookup.prompt(name);
    return (await this.labels.movesOf(prompt.id)).map((m) => moveView(prompt, m));
  }
}
