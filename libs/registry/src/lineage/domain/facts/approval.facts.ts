import type { ApprovalDecidedV1, ApprovalRequestedV1, ApprovalSubject } from '@llmops/contracts';
import { FactSet, type JsonObject, type LineageFacts } from '../lineage-facts';
import type { NodeRef } from '../lineage-node-kind';
import { modelVersionRef, promptVersionRef, shortId } from '../node-refs';

function subjectRef(facts: FactSet, subject: ApprovalSubject): NodeRef {
  return subject.kind === 'model-stage-transition'
    ? modelVersionRef(facts, subject)
    : promptVersionRef(facts, subject);
}

function subjectLabel(subject: ApprovalSubject): string {
  return subject.kind === 'model-stage-transition'
    ? `approval: ${subject.modelName} v${subject.version} → ${subject.toStage}`
    : `approval: ${subject.promptName} v${subject.version} → ${subject.label}`;
}

function subjectAttributes(subject: ApprovalSubject): JsonObject {
  return subject.kind === 'model-stage-transition'
    ? { kind: subject.kind, versionId: subject.versionId, toStage: subject.toStage }
    : { kind: subject.kind, versionId: subject.versionId, label: subject.label };
}

/** The request, its subject, and the evaluations offered as evidence. */
export function approvalRequestedFacts(e: ApprovalRequestedV1): LineageFacts {
  const facts = new FactSet();
  const approval = facts.own({
    kind: 'approval',
    id: e.approvalRequestId,
    label: subjectLabel(e.subject),
    occurredAt: e.requestedAt,
    attributes: {
      subject: subjectAttributes(e.subject),
      requestedBy: e.requestedBy.subject,
      requiredApprovals: e.requiredApprovals,
      approverRole: e.approverRole,
      evidence: e.evidence,
      comment: e.comment,
      expiresAt: e.expiresAt,
    },
    state: { at: e.requestedAt, values: { status: 'pending', approvals: 0 } },
  });
  facts.edge(subjectRef(facts, e.subject), approval, 'subject-of', e.requestedAt);
  for (const evidence of e.evidence) {
    const isEvaluation = evidence.kind !== 'model-card';
    if (isEvaluation && evidence.resourceId) {
      const evaluation = facts.ref(
        { kind: 'evaluation', id: evidence.resourceId },
        `evaluation ${shortId(evidence.resourceId)}`,
      );
      facts.edge(evaluation, approval, 'evidence-for', e.requestedAt, { evidence: evidence.kind });
    }
  }
  return facts.build();
}

/** One approver's decision (kept per approver) and the request's status after it. */
export function approvalDecidedFacts(e: ApprovalDecidedV1): LineageFacts {
  const facts = new FactSet();
  const approval = facts.node({
    kind: 'approval',
    id: e.approvalRequestId,
    label: subjectLabel(e.subject),
    // The request's own event is approval-requested; a decision alone leaves the node a placeholder.
    placeholder: true,
    occurredAt: null,
    attributes: { subject: subjectAttributes(e.subject), requiredApprovals: e.requiredApprovals },
    state: { at: e.decidedAt, values: { status: e.requestStatus, approvals: e.approvals } },
    entries: [
      {
        field: 'decisions',
        key: e.decidedBy.subject,
        value: { decision: e.decision, comment: e.comment, decidedAt: e.decidedAt },
      },
    ],
  });
  const subject = subjectRef(facts, e.subject);
  facts.edge(subject, approval, 'subject-of', null);
  if (e.requestStatus === 'approved') facts.approvalGranted({ approval, subject, at: e.decidedAt });
  return facts.build();
}
