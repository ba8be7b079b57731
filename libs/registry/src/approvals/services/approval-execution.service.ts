import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import type { ApprovalApplication, ApprovalDecisionResult, ApprovalRequestView } from '../dtos/approval.dto';
import { ApprovalExecutorRegistry } from './approval-executor.registry';
import { ApprovalService, type ApprovalDecisionInput } from './approval.service';

/**
 * Turns approved requests into the changes they allow. The deciding approval tries at once, in its own
 * transaction after the decision committed: a decision stands even when the change cannot happen yet
 * (evidence still missing, version moved meanwhile), and `POST /v1/approvals/{id}/apply` retries later.
 */
@Injectable()
export class ApprovalExecutionService {
  private readonly logger = new Logger(ApprovalExecutionService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly approvals: ApprovalService,
    private readonly executors: ApprovalExecutorRegistry,
  ) {}

  async decide(input: ApprovalDecisionInput): Promise<ApprovalDecisionResult> {
    const decided = await this.approvals.decide(input);
    if (decided.state !== 'approved' || !this.executors.find(decided.subject.kind)) {
      return { ...decided, application: null };
    }
    let application: ApprovalApplication;
    try {
      await this.apply(decided.id, input.decidedBy);
      application = { applied: true };
    } catch (error) {
      // The decision has committed: report why the change did not run rather than fail the call.
      application = toFailedApplication(error, this.logger);
    }
    return { ...(await this.approvals.get(decided.id)), application };
  }

  /** Executes an approved request's change and consumes the request, in one transaction. */
  apply(requestId: string, actor: Actor): Promise<ApprovalRequestView> {
    return this.tx.run(async () => {
      const request = await this.approvals.get(requestId);
      if (request.state !== 'approved') {
        throw new AppError('APPROVAL_NOT_APPROVED', 409, `the request is ${request.state}, not approved`, {
          extensions: { approvalRequestId: requestId, state: request.state },
        });
      }
      const executor = this.executors.find(request.subject.kind);
      if (!executor) {
        throw new AppError(
          'APPROVAL_NOT_EXECUTABLE',
          409,
          `${request.subject.kind} changes are executed by their own endpoint, not by apply`,
        );
      }
      await executor(request, actor);
      // The executor's own gate may have consumed it already; otherwise consume it here.
      const after = await this.approvals.get(requestId);
      if (after.state === 'approved') await this.approvals.markApplied(requestId, actor);
      return this.approvals.get(requestId);
    });
  }
}

function toFailedApplication(error: unknown, logger: Logger): ApprovalApplication {
  if (error instanceof AppError) {
    return {
      applied: false,
      code: error.code,
      detail: error.detail,
      ...(error.errors ? { errors: error.errors } : {}),
    };
  }
  logger.error(
    `executing an approved request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return {
    applied: false,
    code: 'APPROVAL_EXECUTION_FAILED',
    detail: 'the change could not be executed; retry with apply',
  };
}
