import { Injectable } from '@nestjs/common';
import type { Actor, ApprovalSubject } from '@llmops/contracts';
import type { ApprovalRequestView } from '../dtos/approval.dto';

/**
 * Executes the change an approved request asks for (moves the model version, moves the prompt label). It
 * runs inside the transaction of `POST /v1/approvals/{id}/apply` (or of the deciding approval) and must
 * consume the request (`ApprovalService.markApplied`, or a gate that does) or leave it to the caller.
 */
export type ApprovalExecutor = (request: ApprovalRequestView, actor: Actor) => Promise<void>;

/**
 * One executor per subject kind, registered by the area that owns the change (models register
 * `model-stage-transition` here; prompts may register `prompt-label-move` in `onModuleInit`). Kinds
 * without an executor are executed by their owner's own endpoint, which checks `findApproved`.
 */
@Injectable()
export class ApprovalExecutorRegistry {
  private readonly executors = new Map<ApprovalSubject['kind'], ApprovalExecutor>();

  register(kind: ApprovalSubject['kind'], executor: ApprovalExecutor): void {
    if (this.executors.has(kind)) throw new Error(`an approval executor for ${kind} is already registered`);
    this.executors.set(kind, executor);
  }

  find(kind: ApprovalSubject['kind']): ApprovalExecutor | undefined {
    return this.executors.get(kind);
  }
}
