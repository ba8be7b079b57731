import type { RunCompletedV1, RunFailedV1, RunLineage, RunStartedV1 } from '@llmops/contracts';
import { FactSet, type JsonObject, type LineageFacts } from '../lineage-facts';
import type { NodeRef } from '../lineage-node-kind';
import { baseModelRef, datasetVersionRef, shortId, splitsByVersion } from '../node-refs';

type TrainingRunTrigger = RunStartedV1['trigger'];

interface RunFact {
  runId: string;
  attempt: number;
  trigger: TrainingRunTrigger;
  lineage: RunLineage;
  /** When the run started (its node's time), if the event says. */
  startedAt: string | null;
  status: 'running' | 'completed' | 'failed';
  statusAt: string;
  state: JsonObject;
}

/**
 * The run with what it trained on and from. Every run event carries the full lineage, so the graph is
 * complete whichever of them arrives (or arrives first); the status follows the latest by event time.
 */
function runFacts(run: RunFact): LineageFacts {
  const facts = new FactSet();
  const { lineage, trigger } = run;
  const node = facts.node({
    kind: 'training-run',
    id: run.runId,
    label: `${lineage.method} run ${shortId(run.runId)}`,
    placeholder: false,
    occurredAt: run.startedAt,
    attributes: {
      method: lineage.method,
      hyperparameters: lineage.hyperparameters,
      configHash: lineage.configHash,
      executor: lineage.executor,
      trainer: lineage.trainer,
      trigger: triggerAttributes(trigger),
      ...(trigger.kind === 'plan' && trigger.causationEventId
        ? { triggerEventId: trigger.causationEventId }
        : {}),
    },
    state: { at: run.statusAt, values: { status: run.status, attempt: run.attempt, ...run.state } },
  });
  linkRunInputs(facts, node, lineage, run.startedAt ?? run.statusAt);
  if (trigger.kind === 'plan' && trigger.causationEventId) {
    facts.cause({
      eventId: trigger.causationEventId,
      to: node,
      relation: 'triggered',
      occurredAt: run.startedAt ?? run.statusAt,
    });
  }
  return facts.build();
}

/** Dataset splits and base model → run; also used when a registration reports the run's lineage. */
export function linkRunInputs(
  facts: FactSet,
  run: NodeRef,
  lineage: Pick<RunLineage, 'datasets' | 'baseModel'>,
  at: string,
): void {
  for (const { ref, splits } of splitsByVersion(lineage.datasets)) {
    facts.edge(datasetVersionRef(facts, ref), run, 'training-data-for', at, { splits });
  }
  facts.edge(baseModelRef(facts, lineage.baseModel), run, 'base-model-for', at);
}

function triggerAttributes(trigger: TrainingRunTrigger): JsonObject {
  switch (trigger.kind) {
    case 'manual':
      return { kind: 'manual', actor: trigger.actor.subject };
    case 'plan':
      return { kind: 'plan', planId: trigger.planId, causationEventId: trigger.causationEventId };
    case 'sweep':
      return { kind: 'sweep', sweepId: trigger.sweepId, trial: trigger.trial };
  }
}

export function runStartedFacts(e: RunStartedV1): LineageFacts {
  return runFacts({
    runId: e.runId,
    attempt: e.attempt,
    trigger: e.trigger,
    lineage: e.lineage,
    startedAt: e.startedAt,
    status: 'running',
    statusAt: e.startedAt,
    state: {},
  });
}

export function runCompletedFacts(e: RunCompletedV1): LineageFacts {
  return runFacts({
    runId: e.runId,
    attempt: e.attempt,
    trigger: e.trigger,
    lineage: e.lineage,
    startedAt: e.startedAt,
    status: 'completed',
    statusAt: e.completedAt,
    state: {
      completedAt: e.completedAt,
      modelFormat: e.modelFormat,
      metrics: e.metrics,
      // The model artifact (and its siblings) are the run's output; the model version points at them.
      artifacts: e.artifacts.map((a) => ({ role: a.role, uri: a.uri, sha256: a.sha256, size: a.size })),
    },
  });
}

export function runFailedFacts(e: RunFailedV1): LineageFacts {
  return runFacts({
    runId: e.runId,
    attempt: e.attempt,
    trigger: e.trigger,
    lineage: e.lineage,
    startedAt: null,
    status: 'failed',
    statusAt: e.failedAt,
    state: { failedAt: e.failedAt, error: e.error },
  });
}
