import type { ServiceName } from './services';
import type { TopicName } from './topic-registry';

/**
 * Which services consume each topic (DESIGN.md §1). Documentation that feeds the AsyncAPI `receive`
 * operations and the topic table in docs/events; a service that starts consuming a topic adds itself here.
 * Registry consumes most facts to build lineage; every audit topic feeds registry's audit log.
 */
export const TOPIC_CONSUMERS = {
  'llmops.ingestion.records.v1': ['ingestion'],
  'llmops.ingestion.dataset-version-created.v1': ['labeling', 'training', 'evaluation', 'registry'],
  'llmops.ingestion.dataset-version-failed.v1': [],
  'llmops.ingestion.audit-recorded.v1': ['registry'],
  'llmops.labeling.project-created.v1': ['registry'],
  'llmops.labeling.export-completed.v1': ['ingestion', 'registry'],
  'llmops.labeling.audit-recorded.v1': ['registry'],
  'llmops.training.run-started.v1': ['registry'],
  'llmops.training.run-progressed.v1': [],
  'llmops.training.run-completed.v1': ['registry'],
  'llmops.training.run-failed.v1': ['registry'],
  'llmops.training.audit-recorded.v1': ['registry'],
  'llmops.evaluation.evaluation-completed.v1': ['registry', 'training'],
  'llmops.evaluation.evaluation-failed.v1': ['training'],
  'llmops.evaluation.audit-recorded.v1': ['registry'],
  'llmops.registry.model-version-registered.v1': ['evaluation', 'registry'],
  'llmops.registry.model-version-stage-changed.v1': ['evaluation', 'serving', 'monitoring', 'registry'],
  'llmops.registry.approval-requested.v1': ['registry'],
  'llmops.registry.approval-decided.v1': ['registry'],
  'llmops.registry.prompt-version-created.v1': ['registry'],
  'llmops.registry.prompt-label-moved.v1': ['serving'],
  'llmops.registry.audit-recorded.v1': ['registry'],
  'llmops.serving.deployment-changed.v1': ['registry', 'monitoring'],
  'llmops.serving.inference-logged.v1': ['monitoring'],
  'llmops.serving.audit-recorded.v1': ['registry'],
  'llmops.monitoring.feedback.v1': ['monitoring'],
  'llmops.monitoring.feedback-received.v1': ['labeling', 'registry'],
  'llmops.monitoring.alert-raised.v1': ['registry'],
  'llmops.monitoring.drift-detected.v1': ['registry'],
  'llmops.monitoring.retraining-requested.v1': ['training', 'registry'],
  'llmops.monitoring.audit-recorded.v1': ['registry'],
} as const satisfies Record<TopicName, readonly ServiceName[]>;

/** Topics a service consumes, in registry order. */
export function topicsConsumedBy(service: ServiceName): TopicName[] {
  return (Object.keys(TOPIC_CONSUMERS) as TopicName[]).filter((topic) =>
    (TOPIC_CONSUMERS[topic] as readonly ServiceName[]).includes(service),
  );
}
