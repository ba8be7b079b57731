import { z } from 'zod';

import {
  dlqTopic,
  EVENT_DEFINITIONS,
  EVENTS,
  getEventDefinition,
  INPUT_TOPICS,
  isServiceName,
  SERVICE_NAMES,
  TOPIC_CONSUMERS,
  Topics,
  topicsConsumedBy,
  topicsPublishedBy,
} from './index';

describe('topic registry', () => {
  it('no two definitions share a topic (or a CloudEvents type)', () => {
    const topics = EVENT_DEFINITIONS.map((d) => d.topic);
    const types = EVENT_DEFINITIONS.map((d) => d.type);
    expect(new Set(topics).size).toBe(topics.length);
    expect(new Set(types).size).toBe(types.length);
    expect(Object.keys(EVENTS)).toHaveLength(EVENT_DEFINITIONS.length);
  });

  it.each(EVENT_DEFINITIONS.map((d) => [d.topic, d] as const))(
    '%s has consistent derived names',
    (topic, d) => {
      expect(topic).toMatch(/^llmops\.[a-z]+\.[a-z][a-z0-9]*(-[a-z0-9]+)*\.v[1-9][0-9]*$/);
      expect(topic).toBe(`llmops.${d.service}.${d.event}.v${String(d.version)}`);
      expect(d.type).toBe(`io.llmops.${d.service}.${d.event}.v${String(d.version)}`);
      expect(d.source).toBe(`/llmops/${d.service}`);
      expect(isServiceName(d.service)).toBe(true);
      expect(d.description.length).toBeGreaterThan(20);
      expect(d.aggregate).toMatch(/\S/);
      expect(d.schema).toBeInstanceOf(z.ZodObject);
      expect(EVENTS[d.topic]).toBe(d);
    },
  );

  it('every service publishes events and its own audit topic', () => {
    for (const service of SERVICE_NAMES) {
      expect(topicsPublishedBy(service)).toContain(`llmops.${service}.audit-recorded.v1`);
    }
  });

  it('input topics are the two outside-producer topics and are not published by a service', () => {
    expect(INPUT_TOPICS).toEqual(['llmops.ingestion.records.v1', 'llmops.monitoring.feedback.v1']);
    expect(EVENT_DEFINITIONS.filter((d) => d.input).map((d) => d.topic)).toEqual([...INPUT_TOPICS]);
    expect(topicsPublishedBy('ingestion')).not.toContain('llmops.ingestion.records.v1');
    expect(topicsPublishedBy('monitoring')).not.toContain('llmops.monitoring.feedback.v1');
    expect(topicsPublishedBy('training')).toEqual([
      'llmops.training.run-started.v1',
      'llmops.training.run-progressed.v1',
      'llmops.training.run-completed.v1',
      'llmops.training.run-failed.v1',
      'llmops.training.audit-recorded.v1',
    ]);
  });

  it('getEventDefinition returns undefined for an unknown topic', () => {
    expect(getEventDefinition('llmops.training.run-completed.v1').event).toBe('run-completed');
    expect(getEventDefinition('llmops.training.run-completed.v9')).toBeUndefined();
    expect(getEventDefinition('toString')).toBeUndefined();
    expect(getEventDefinition('__proto__')).toBeUndefined();
  });

  it('Topics names every topic exactly once', () => {
    const values = Object.values(Topics);
    expect(new Set(values).size).toBe(values.length);
    expect([...values].sort()).toEqual(Object.keys(EVENTS).sort());
    expect(Topics.datasetVersionCreated).toBe('llmops.ingestion.dataset-version-created.v1');
  });

  it('consumers are documented for every topic', () => {
    expect(Object.keys(TOPIC_CONSUMERS).sort()).toEqual(Object.keys(EVENTS).sort());
    expect(topicsConsumedBy('training')).toContain(Topics.datasetVersionCreated);
    expect(topicsConsumedBy('monitoring')).toContain(Topics.inferenceLogged);
  });

  it('names dead-letter topics after the consumer group', () => {
    expect(dlqTopic('training')).toBe('llmops.dlq.training');
  });
});
