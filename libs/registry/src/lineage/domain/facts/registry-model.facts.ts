import type {
  ModelVersionRegisteredV1,
  ModelVersionStageChangedV1,
  PromptVersionCreatedV1,
} from '@llmops/contracts';
import { FactSet, utc, type LineageFacts } from '../lineage-facts';
import { baseModelRef, datasetVersionRef, modelVersionRef, shortId, splitsByVersion } from '../node-refs';
import { linkRunInputs } from './training.facts';

/**
 * The version and where it came from. The registry publishes this itself when it registers a version
 * from `run-completed`; whichever way it arrives, the version is one node (its id is the key).
 */
export function modelVersionRegisteredFacts(e: ModelVersionRegisteredV1): LineageFacts {
  const facts = new FactSet();
  const version = facts.own({
    kind: 'model-version',
    id: e.versionId,
    label: `${e.modelName} v${e.version}`,
    occurredAt: e.registeredAt,
    attributes: {
      modelId: e.modelId,
      modelName: e.modelName,
      version: e.version,
      format: e.format,
      method: e.method,
      metrics: e.metrics,
      tags: e.tags,
      artifacts: e.artifacts.map((a) => ({ role: a.role, uri: a.uri, sha256: a.sha256, size: a.size })),
      source: e.source,
      registeredBy: e.registeredBy.subject,
    },
    state: { at: e.registeredAt, values: { stage: 'registered', stageChangedAt: e.registeredAt } },
  });
  if (e.source.kind === 'training-run') {
    // The run's own events say the same about its inputs; either suffices, both converge.
    const run = facts.ref({ kind: 'training-run', id: e.source.runId }, `run ${shortId(e.source.runId)}`);
    facts.edge(run, version, 'produced', e.registeredAt);
    if (e.baseModel && e.datasets.length > 0) {
      linkRunInputs(facts, run, { datasets: e.datasets, baseModel: e.baseModel }, e.registeredAt);
    }
    return facts.build();
  }
  for (const { ref, splits } of splitsByVersion(e.datasets)) {
    facts.edge(datasetVersionRef(facts, ref), version, 'training-data-for', e.registeredAt, { splits });
  }
  if (e.baseModel) facts.edge(baseModelRef(facts, e.baseModel), version, 'base-model-for', e.registeredAt);
  return facts.build();
}

/** The stage (latest by event time wins), the stage history, and what justified the move. */
export function modelVersionStageChangedFacts(e: ModelVersionStageChangedV1): LineageFacts {
  const facts = new FactSet();
  const version = modelVersionRef(facts, e);
  facts.node({
    ...version,
    label: `${e.modelName} v${e.version}`,
    placeholder: true,
    occurredAt: null,
    attributes: {},
    state: { at: e.changedAt, values: { stage: e.toStage, stageChangedAt: e.changedAt } },
    entries: [
      {
        field: 'stageHistory',
        key: utc(e.changedAt),
        value: {
          from: e.fromStage,
          to: e.toStage,
          reason: e.reason,
          actor: e.actor.subject,
          evaluationId: e.evaluationId,
          approvalRequestId: e.approvalRequestId,
        },
      },
    ],
  });
  const evaluation = e.evaluationId
    ? facts.ref({ kind: 'evaluation', id: e.evaluationId }, `evaluation ${shortId(e.evaluationId)}`)
    : null;
  if (evaluation) facts.edge(version, evaluation, 'evaluated-in', null);
  if (e.approvalRequestId) {
    // A move that names its approval request happened because that request was approved.
    const approval = facts.node({
      kind: 'approval',
      id: e.approvalRequestId,
      label: `approval → ${e.toStage}`,
      placeholder: true,
      occurredAt: null,
      attributes: {},
      state: { at: e.changedAt, values: { status: 'approved' } },
    });
    facts.edge(version, approval, 'subject-of', null);
    if (evaluation) facts.edge(evaluation, approval, 'evidence-for', null);
    facts.approvalGranted({ approval, subject: version, at: e.changedAt });
  }
  return facts.build();
}

export function promptVersionCreatedFacts(e: PromptVersionCreatedV1): LineageFacts {
  const facts = new FactSet();
  facts.own({
    kind: 'prompt-version',
    id: e.versionId,
    label: `${e.promptName} v${e.version}`,
    occurredAt: e.createdAt,
    attributes: {
      promptId: e.promptId,
      promptName: e.promptName,
      version: e.version,
      templateKind: e.template.kind,
      variables: e.variables,
      modelParameters: e.modelParameters,
      commitMessage: e.commitMessage,
      createdBy: e.createdBy.subject,
    },
  });
  return facts.build();
}
