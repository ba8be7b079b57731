/** What other registry areas may use from approvals (imported by relative path inside the registry lib). */
export {
  ApprovalService,
  type ApprovalDecisionInput,
  type ApprovalRequestInput,
} from './services/approval.service';
export { ApprovalExecutorRegistry, type ApprovalExecutor } from './services/approval-executor.registry';
export type { ApprovalRequestView, ApprovalDecisionView } from './dtos/approval.dto';
export type { ApprovalEvidence } from './repositories/approval-request.repository';
export { approvalSubjectKey } from './domain/approval-subject-key';
