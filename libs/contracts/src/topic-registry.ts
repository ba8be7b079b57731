import type { z } from 'zod';

import type { EventDefinition } from './event-definition';
import { evaluationCompletedV1 } from './events/evaluation/evaluation-completed.v1';
import { evaluationFailedV1 } from './events/evaluation/evaluation-failed.v1';
import { datasetVersionCreatedV1 } from './events/ingestion/dataset-version-created.v1';
import { datasetVersionFailedV1 } from './events/ingestion/dataset-version-failed.v1';
import { recordsV1 } from './events/ingestion/records.v1';
import { exportCompletedV1 } from './events/labeling/export-completed.v1';
import { projectCreatedV1 } from './events/labeling/project-created.v1';
import { alertRaisedV1 } from './events/monitoring/alert-raised.v1';
import { driftDetectedV1 } from './events/monitoring/drift-detected.v1';
import { feedbackReceivedV1 } from './events/monitoring/feedback-received.v1';
import { feedbackV1 } from './events/monitoring/feedback.v1';
import { retrainingRequestedV1 } from './events/monitoring/retraining-requested.v1';
import { approvalDecidedV1 } from './events/registry/approval-decided.v1';
import { approvalRequestedV1 } from './events/registry/approval-requested.v1';
import { modelVersionRegisteredV1 } from './events/registry/model-version-registered.v1';
import { modelVersionStageChangedV1 } from './events/registry/model-version-stage-changed.v1';
import { promptLabelMovedV1 } from './events/registry/prompt-label-moved.v1';
import { promptVersionCreatedV1 } from './events/registry/prompt-version-created.v1';
import { deploymentChangedV1 } from './events/serving/deployment-changed.v1';
import { inferenceLoggedV1 } from './events/serving/inference-logged.v1';
import {
  evaluationAuditRecordedV1,
  ingestionAuditRecordedV1,
  labelingAuditRecordedV1,
  monitoringAuditRecordedV1,
  registryAuditRecordedV1,
  servingAuditRecordedV1,
  trainingAuditRecordedV1,
} from './events/shared/audit-recorded.v1';
import { runCompletedV1 } from './events/training/run-completed.v1';
import { runFailedV1 } from './events/training/run-failed.v1';
import { runProgressedV1 } from './events/training/run-progressed.v1';
import { runStartedV1 } from './events/training/run-started.v1';
import type { ServiceName } from './services';

/**
 * Every event version of the platform, by service in lifecycle order. A new version is a new file and a new
 * entry here; a published entry is never edited or removed.
 */
export const EVENT_DEFINITIONS = [
  recordsV1,
  datasetVersionCreatedV1,
  datasetVersionFailedV1,
  ingestionAuditRecordedV1,
  projectCreatedV1,
  exportCompletedV1,
  labelingAuditRecordedV1,
  runStartedV1,
  runProgressedV1,
  runCompletedV1,
  runFailedV1,
  trainingAuditRecordedV1,
  evaluationCompletedV1,
  evaluationFailedV1,
  evaluationAuditRecordedV1,
  modelVersionRegisteredV1,
  modelVersionStageChangedV1,
  approvalRequestedV1,
  approvalDecidedV1,
  promptVersionCreatedV1,
  promptLabelMovedV1,
  registryAuditRecordedV1,
  deploymentChangedV1,
  inferenceLoggedV1,
  servingAuditRecordedV1,
  feedbackV1,
  feedbackReceivedV1,
  alertRaisedV1,
  driftDetectedV1,
  retrainingRequestedV1,
  monitoringAuditRecordedV1,
] as const;

/** Any registered event definition (a union of the precise types). */
export type RegisteredEventDefinition = (typeof EVENT_DEFINITIONS)[number];

/** The registered definitions, keyed by topic. */
export type EventsByTopic = { readonly [D in RegisteredEventDefinition as D['topic']]: D };

/** Every registered event version, keyed by topic name. */
export const EVENTS: EventsByTopic = Object.freeze(
  Object.fromEntries(EVENT_DEFINITIONS.map((definition) => [definition.topic, definition])),
) as EventsByTopic;

/** A registered topic name, e.g. `llmops.training.run-completed.v1`. */
export type TopicName = keyof EventsByTopic;

/** The payload (CloudEvents `data`) type of a topic. */
export type EventPayload<T extends TopicName> = z.output<EventsByTopic[T]['schema']>;

/** True when `topic` is a registered topic name. */
export function isTopicName(topic: string): topic is TopicName {
  return Object.prototype.hasOwnProperty.call(EVENTS, topic);
}

/** The definition of a registered topic, or undefined for an unknown topic. */
export function getEventDefinition<T extends TopicName>(topic: T): EventsByTopic[T];
export function getEventDefinition(topic: string): RegisteredEventDefinition | undefined;
export function getEventDefinition(topic: string): RegisteredEventDefinition | undefined {
  return isTopicName(topic) ? EVENTS[topic] : undefined;
}

/** The two topics that systems outside llmops write: training records and end-user feedback. */
export const INPUT_TOPICS = [
  'llmops.ingestion.records.v1',
  'llmops.monitoring.feedback.v1',
] as const satisfies readonly TopicName[];

/** A topic that systems outside llmops write. */
export type InputTopicName = (typeof INPUT_TOPICS)[number];

/**
 * Topics a service publishes itself, in registry order. Input topics are excluded: the service owns them
 * (and consumes them) but outside producers write them.
 */
export function topicsPublishedBy(service: ServiceName): TopicName[] {
  return EVENT_DEFINITIONS.filter((definition) => definition.service === service && !definition.input).map(
    (definition) => definition.topic,
  );
}

/** Dead-letter topic of a consumer group: where a message goes after bounded retries, with its error in headers. */
export function dlqTopic<G extends string>(consumerGroup: G): `llmops.dlq.${G}` {
  return `llmops.dlq.${consumerGroup}`;
}

/** Topic names by camelCase event name, for call sites: `publish(Topics.datasetVersionCreated, ...)`. */
export const Topics = {
  records: 'llmops.ingestion.records.v1',
  datasetVersionCreated: 'llmops.ingestion.dataset-version-created.v1',
  datasetVersionFailed: 'llmops.ingestion.dataset-version-failed.v1',
  ingestionAuditRecorded: 'llmops.ingestion.audit-recorded.v1',
  projectCreated: 'llmops.labeling.project-created.v1',
  exportCompleted: 'llmops.labeling.export-completed.v1',
  labelingAuditRecorded: 'llmops.labeling.audit-recorded.v1',
  runStarted: 'llmops.training.run-started.v1',
  runProgressed: 'llmops.training.run-progressed.v1',
  runCompleted: 'llmops.training.run-completed.v1',
  runFailed: 'llmops.training.run-failed.v1',
  trainingAuditRecorded: 'llmops.training.audit-recorded.v1',
  evaluationCompleted: 'llmops.evaluation.evaluation-completed.v1',
  evaluationFailed: 'llmops.evaluation.evaluation-failed.v1',
  evaluationAuditRecorded: 'llmops.evaluation.audit-recorded.v1',
  modelVersionRegistered: 'llmops.registry.model-version-registered.v1',
  modelVersionStageChanged: 'llmops.registry.model-version-stage-changed.v1',
  approvalRequested: 'llmops.registry.approval-requested.v1',
  approvalDecided: 'llmops.registry.approval-decided.v1',
  promptVersionCreated: 'llmops.registry.prompt-version-created.v1',
  promptLabelMoved: 'llmops.registry.prompt-label-moved.v1',
  registryAuditRecorded: 'llmops.registry.audit-recorded.v1',
  deploymentChanged: 'llmops.serving.deployment-changed.v1',
  inferenceLogged: 'llmops.serving.inference-logged.v1',
  servingAuditRecorded: 'llmops.serving.audit-recorded.v1',
  feedback: 'llmops.monitoring.feedback.v1',
  feedbackReceived: 'llmops.monitoring.feedback-received.v1',
  alertRaised: 'llmops.monitoring.alert-raised.v1',
  driftDetected: 'llmops.monitoring.drift-detected.v1',
  retrainingRequested: 'llmops.monitoring.retraining-requested.v1',
  monitoringAuditRecorded: 'llmops.monitoring.audit-recorded.v1',
} as const satisfies Record<string, TopicName>;

/** Widened view of a definition for code that handles any topic (dispatch tables, generators). */
export type AnyEventDefinition = EventDefinition;
