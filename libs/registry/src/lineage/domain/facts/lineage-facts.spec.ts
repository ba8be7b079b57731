import { Topics, type TopicName } from '@llmops/contracts';
import { fixture } from '../../testing/lineage-test-context';
import type { LineageFacts } from '../lineage-facts';
import { nodeKey } from '../lineage-node-kind';
import { approvalDecidedFacts, approvalRequestedFacts } from './approval.facts';
import { evaluationCompletedFacts } from './evaluation.facts';
import { datasetVersionCreatedFacts } from './ingestion.facts';
import { exportCompletedFacts, projectCreatedFacts } from './labeling.facts';
import {
  alertRaisedFacts,
  driftDetectedFacts,
  feedbackReceivedFacts,
  retrainingRequestedFacts,
} from './monitoring.facts';
import {
  modelVersionRegisteredFacts,
  modelVersionStageChangedFacts,
  promptVersionCreatedFacts,
} from './registry-model.facts';
import { deploymentChangedFacts } from './serving.facts';
import { runCompletedFacts, runFailedFacts, runStartedFacts } from './training.facts';

const ALL: [TopicName, () => LineageFacts][] = [
  [Topics.datasetVersionCreated, () => datasetVersionCreatedFacts(fixture(Topics.datasetVersionCreated))],
  [Topics.projectCreated, () => projectCreatedFacts(fixture(Topics.projectCreated))],
  [Topics.exportCompleted, () => exportCompletedFacts(fixture(Topics.exportCompleted))],
  [Topics.runStarted, () => runStartedFacts(fixture(Topics.runStarted))],
  [Topics.runCompleted, () => runCompletedFacts(fixture(Topics.runCompleted))],
  [Topics.runFailed, () => runFailedFacts(fixture(Topics.runFailed))],
  [Topics.evaluationCompleted, () => evaluationCompletedFacts(fixture(Topics.evaluationCompleted))],
  [Topics.modelVersionRegistered, () => modelVersionRegisteredFacts(fixture(Topics.modelVersionRegistered))],
  [
    Topics.modelVersionStageChanged,
    () => modelVersionStageChangedFacts(fixture(Topics.modelVersionStageChanged)),
  ],
  [Topics.approvalRequested, () => approvalRequestedFacts(fixture(Topics.approvalRequested))],
  [Topics.approvalDecided, () => approvalDecidedFacts(fixture(Topics.approvalDecided))],
  [Topics.promptVersionCreated, () => promptVersionCreatedFacts(fixture(Topics.promptVersionCreated))],
  [Topics.deploymentChanged, () => deploymentChangedFacts(fixture(Topics.deploymentChanged))],
  [Topics.alertRaised, () => alertRaisedFacts(fixture(Topics.alertRaised))],
  [Topics.driftDetected, () => driftDetectedFacts(fixture(Topics.driftDetected))],
  [Topics.feedbackReceived, () => feedbackReceivedFacts(fixture(Topics.feedbackReceived))],
  [Topics.retrainingRequested, () => retrainingRequestedFacts(fixture(Topics.retrainingRequested))],
];

function edges(facts: LineageFacts): string[] {
  return facts.edges.map((e) => `${nodeKey(e.from)} ${e.relation} ${nodeKey(e.to)}`).sort();
}

describe('lineage facts from events', () => {
  it.each(ALL)('%s: every edge and link lands on a node of the same event', (_topic, build) => {
    const facts = build();
    const nodes = new Set(facts.nodes.map(nodeKey));
    expect(facts.primary).not.toBeNull();
    for (const e of facts.edges) {
      expect(nodes).toContain(nodeKey(e.from));
      expect(nodes).toContain(nodeKey(e.to));
    }
    for (const link of [...facts.routeLinks, ...facts.causes]) expect(nodes).toContain(nodeKey(link.to));
    for (const node of facts.nodes) {
      expect(node.label.length).toBeGreaterThan(0);
      if (node.occurredAt) expect(node.occurredAt).toMatch(/Z$/);
    }
  });

  it('dataset version: its source and its parent version', () => {
    const e = fixture(Topics.datasetVersionCreated);
    const facts = datasetVersionCreatedFacts(e);
    expect(facts.primary).toEqual({ kind: 'dataset-version', id: e.versionId });
    expect(edges(facts)).toEqual(
      [
        `dataset-version:${e.parents[0]?.versionId ?? ''} parent-of dataset-version:${e.versionId}`,
        `source:${e.origin.kind === 'source' ? e.origin.sourceId : ''} source-of dataset-version:${e.versionId}`,
      ].sort(),
    );
  });

  it('dataset version from a labeling export: project → export → version', () => {
    const e = {
      ...fixture(Topics.datasetVersionCreated),
      parents: [],
      origin: {
        kind: 'labeling-export' as const,
        projectId: '0192d000-0000-7000-8000-000000000001',
        exportId: '0192d000-0000-7000-8000-000000000002',
      },
    };
    expect(edges(datasetVersionCreatedFacts(e))).toEqual([
      `labeling-export:0192d000-0000-7000-8000-000000000002 source-of dataset-version:${e.versionId}`,
      'labeling-project:0192d000-0000-7000-8000-000000000001 exported-as labeling-export:0192d000-0000-7000-8000-000000000002',
    ]);
  });

  it('run: inputs with the splits used, status as state, and the event that fired its plan', () => {
    const e = fixture(Topics.runCompleted);
    const facts = runCompletedFacts(e);
    const run = facts.nodes.find((n) => n.kind === 'training-run');
    expect(run?.state?.values['status']).toBe('completed');
    expect(run?.attributes['triggerEventId']).toBe('0192b7c2-0000-7111-8222-333344445555');
    expect(facts.causes).toEqual([
      expect.objectContaining({ eventId: '0192b7c2-0000-7111-8222-333344445555', relation: 'triggered' }),
    ]);
    expect(facts.edges.find((x) => x.relation === 'training-data-for')?.attributes).toEqual({
      splits: ['train'],
    });
    expect(edges(facts)).toContain(`base-model:builtin:tiny-gpt-2l base-model-for training-run:${e.runId}`);
  });

  it('model version from a run: run → version, and the run inputs it reports', () => {
    const e = fixture(Topics.modelVersionRegistered);
    const facts = modelVersionRegisteredFacts(e);
    const runId = e.source.kind === 'training-run' ? e.source.runId : '';
    expect(edges(facts)).toEqual(
      [
        `training-run:${runId} produced model-version:${e.versionId}`,
        `dataset-version:${e.datasets[0]?.versionId ?? ''} training-data-for training-run:${runId}`,
        `base-model:builtin:tiny-gpt-2l base-model-for training-run:${runId}`,
      ].sort(),
    );
    const run = facts.nodes.find((n) => n.kind === 'training-run');
    expect(run?.placeholder).toBe(true);
  });

  it('stage change: the new stage, its history entry, and the approval it names is approved', () => {
    const e = fixture(Topics.modelVersionStageChanged);
    const facts = modelVersionStageChangedFacts(e);
    const version = facts.nodes.find((n) => n.kind === 'model-version');
    expect(version?.state?.values['stage']).toBe('production');
    expect(version?.entries?.[0]).toMatchObject({ field: 'stageHistory', key: e.changedAt });
    expect(facts.approvals).toEqual([
      {
        approval: { kind: 'approval', id: e.approvalRequestId },
        subject: { kind: 'model-version', id: e.versionId },
        at: e.changedAt,
      },
    ]);
    expect(edges(facts)).toContain(
      `evaluation:${e.evaluationId ?? ''} evidence-for approval:${e.approvalRequestId ?? ''}`,
    );
  });

  it('approval decision: kept per approver; an approval that resolves the request grants it', () => {
    const e = fixture(Topics.approvalDecided);
    const facts = approvalDecidedFacts(e);
    const approval = facts.nodes.find((n) => n.kind === 'approval');
    expect(approval?.entries).toEqual([
      {
        field: 'decisions',
        key: e.decidedBy.subject,
        value: expect.objectContaining({ decision: 'approved' }),
      },
    ]);
    expect(facts.approvals).toHaveLength(1);
    expect(approvalDecidedFacts({ ...e, requestStatus: 'pending' }).approvals).toEqual([]);
  });

  it('approval request: evaluations offered as evidence, once per evaluation', () => {
    const e = fixture(Topics.approvalRequested);
    expect(edges(approvalRequestedFacts(e))).toEqual([
      `evaluation:0192c2c0-1a2b-7c3d-9e4f-5a6b7c8d9e0f evidence-for approval:${e.approvalRequestId}`,
      `model-version:0192c2b3-4d5e-7f6a-8b7c-9d0e1f2a3b4c subject-of approval:${e.approvalRequestId}`,
    ]);
  });

  it('deployment change: one node per target with its state, linked to what it serves', () => {
    const e = fixture(Topics.deploymentChanged);
    const facts = deploymentChangedFacts(e);
    expect(facts.nodes.filter((n) => n.kind === 'deployment').map((n) => n.state?.values['weight'])).toEqual([
      90, 10,
    ]);
    expect(facts.edges.filter((x) => x.relation === 'deployed-as')).toHaveLength(2);
    expect(facts.edges.filter((x) => x.relation === 'applied-in')).toHaveLength(2);
  });

  it('alert about a route and version: linked to the version, and to its deployments through history', () => {
    const e = fixture(Topics.alertRaised);
    const facts = alertRaisedFacts(e);
    expect(facts.routeLinks).toEqual([
      expect.objectContaining({
        route: 'support-bot',
        modelVersionId: e.target.modelVersion?.versionId,
        relation: 'raised',
      }),
    ]);
    expect(edges(facts)).toEqual([
      `model-version:${e.target.modelVersion?.versionId ?? ''} raised alert:${e.alertId}`,
    ]);
  });

  it('feedback keeps the signal, not a correction text', () => {
    const e = {
      ...fixture(Topics.feedbackReceived),
      signal: { type: 'correction' as const, completion: 'the real answer' },
    };
    const feedback = feedbackReceivedFacts(e).nodes.find((n) => n.kind === 'feedback');
    expect(feedback?.attributes['signal']).toEqual({ type: 'correction', chars: 15 });
    expect(JSON.stringify(feedback)).not.toContain('the real answer');
  });

  it('retraining request: version, findings behind it and suggested data', () => {
    const e = fixture(Topics.retrainingRequested);
    expect(edges(retrainingRequestedFacts(e))).toEqual([
      `dataset-version:0192c0f5-0101-7202-8303-404505606707 suggested-for retraining-request:${e.retrainingRequestId}`,
      `drift-report:0192c7b2-0a1b-7c2d-8e3f-4a5b6c7d8e9f triggered retraining-request:${e.retrainingRequestId}`,
      `model-version:0192c2b3-4d5e-7f6a-8b7c-9d0e1f2a3b4c retraining-requested retraining-request:${e.retrainingRequestId}`,
    ]);
  });
});
