import type {
  AlertRaisedV1,
  DriftDetectedV1,
  FeedbackReceivedV1,
  ModelVersionRef,
  RetrainingRequestedV1,
} from '@llmops/contracts';
import { FactSet, type LineageFacts } from '../lineage-facts';
import type { NodeRef } from '../lineage-node-kind';
import type { LineageRelation } from '../lineage-relation';
import { datasetVersionRef, modelVersionRef, promptVersionRef, shortId, splitsByVersion } from '../node-refs';

interface Finding {
  route: string | null;
  modelVersion: ModelVersionRef | null;
  at: string;
}

/** A finding hangs off the version it names and off the deployments that served its route then. */
function linkFinding(facts: FactSet, finding: NodeRef, target: Finding, relation: LineageRelation): void {
  if (target.modelVersion) {
    facts.edge(modelVersionRef(facts, target.modelVersion), finding, relation, target.at);
  }
  if (target.route) {
    facts.routeLink({
      route: target.route,
      at: target.at,
      modelVersionId: target.modelVersion?.versionId ?? null,
      to: finding,
      relation,
      occurredAt: target.at,
    });
  }
}

export function alertRaisedFacts(e: AlertRaisedV1): LineageFacts {
  const facts = new FactSet();
  const alert = facts.own({
    kind: 'alert',
    id: e.alertId,
    label: e.ruleName,
    occurredAt: e.raisedAt,
    attributes: {
      ruleId: e.ruleId,
      ruleVersion: e.ruleVersion,
      ruleName: e.ruleName,
      severity: e.severity,
      route: e.target.route,
      metric: e.metric,
      value: e.value,
      comparator: e.comparator,
      threshold: e.threshold,
      window: e.window,
      message: e.message,
    },
  });
  linkFinding(facts, alert, { ...e.target, at: e.raisedAt }, 'raised');
  return facts.build();
}

export function driftDetectedFacts(e: DriftDetectedV1): LineageFacts {
  const facts = new FactSet();
  const report = facts.own({
    kind: 'drift-report',
    id: e.driftReportId,
    label: `drift ${e.target.route ?? 'platform'}`,
    occurredAt: e.detectedAt,
    attributes: {
      severity: e.severity,
      route: e.target.route,
      baselineWindow: e.baselineWindow,
      currentWindow: e.currentWindow,
      driftedFeatures: e.features.filter((f) => f.drifted).map((f) => f.feature),
      reportUri: e.report.uri,
    },
  });
  linkFinding(facts, report, { ...e.target, at: e.detectedAt }, 'drifted');
  return facts.build();
}

/**
 * Feedback joined to its request. The comment, the end user and a correction's text stay in monitoring:
 * lineage needs the link and the signal, not personal data.
 */
export function feedbackReceivedFacts(e: FeedbackReceivedV1): LineageFacts {
  const facts = new FactSet();
  const signal =
    e.signal.type === 'correction' ? { type: 'correction', chars: e.signal.completion.length } : e.signal;
  const feedback = facts.own({
    kind: 'feedback',
    id: e.feedbackId,
    label: `feedback ${e.signal.type}`,
    occurredAt: e.givenAt,
    attributes: {
      requestId: e.requestId,
      channel: e.channel,
      application: e.application,
      route: e.route,
      signal,
      receivedAt: e.receivedAt,
    },
  });
  linkFinding(facts, feedback, { route: e.route, modelVersion: e.modelVersion, at: e.givenAt }, 'received');
  if (e.promptVersion) {
    facts.edge(promptVersionRef(facts, e.promptVersion), feedback, 'received', e.givenAt);
  }
  return facts.build();
}

/**
 * The request, the version it wants replaced, the findings behind it and the data suggested. The run it
 * leads to names this event as its cause (`trigger.causationEventId`), which closes the loop.
 */
export function retrainingRequestedFacts(e: RetrainingRequestedV1): LineageFacts {
  const facts = new FactSet();
  const request = facts.own({
    kind: 'retraining-request',
    id: e.retrainingRequestId,
    label: `retrain ${e.modelName}`,
    occurredAt: e.requestedAt,
    attributes: {
      modelId: e.modelId,
      modelName: e.modelName,
      policyId: e.policyId,
      policyVersion: e.policyVersion,
      reasons: e.reasons,
    },
  });
  if (e.currentVersion) {
    facts.edge(modelVersionRef(facts, e.currentVersion), request, 'retraining-requested', e.requestedAt);
  }
  for (const reason of e.reasons) {
    if (!reason.findingId || (reason.kind !== 'alert' && reason.kind !== 'drift')) continue;
    const finding =
      reason.kind === 'alert'
        ? facts.ref({ kind: 'alert', id: reason.findingId }, `alert ${shortId(reason.findingId)}`)
        : facts.ref({ kind: 'drift-report', id: reason.findingId }, `drift ${shortId(reason.findingId)}`);
    facts.edge(finding, request, 'triggered', e.requestedAt);
  }
  for (const { ref, splits } of splitsByVersion(e.suggestedDatasets)) {
    facts.edge(datasetVersionRef(facts, ref), request, 'suggested-for', e.requestedAt, { splits });
  }
  return facts.build();
}
