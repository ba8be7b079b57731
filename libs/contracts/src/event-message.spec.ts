import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  buildEnvelope,
  decodeEventMessage,
  encodeEnvelopeHeaders,
  type EventPayload,
  type TopicMessage,
  Topics,
} from './index';

const topic = Topics.runCompleted;
const data = JSON.parse(
  readFileSync(path.join(__dirname, '..', 'fixtures', `${topic}.json`), 'utf8'),
) as EventPayload<typeof topic>;
const fields = { id: '0192c0de-1a2b-7c3d-8e4f-5a6b7c8d9e0f', time: '2025-03-14T10:11:47.588Z' };

describe('event messages', () => {
  it('builds the envelope from the definition and the payload key', () => {
    expect(buildEnvelope(topic, data, { ...fields, correlationid: 'req-1' })).toEqual({
      specversion: '1.0',
      ...fields,
      source: '/llmops/training',
      type: 'io.llmops.training.run-completed.v1',
      subject: data.runId,
      datacontenttype: 'application/json',
      correlationid: 'req-1',
    });
  });

  it('round-trips a whole Kafka message', () => {
    const envelope = buildEnvelope(topic, data, fields);
    const result = decodeEventMessage(
      topic,
      encodeEnvelopeHeaders(envelope),
      Buffer.from(JSON.stringify(data)),
    );
    const expected: TopicMessage<typeof topic> = { envelope, data };
    expect(result).toEqual({ ok: true, message: expected });
  });

  it('rejects a ce_type that does not match the topic', () => {
    const envelope = buildEnvelope(Topics.runFailed, data as never, fields);
    const result = decodeEventMessage(topic, encodeEnvelopeHeaders(envelope), JSON.stringify(data));
    expect(result).toMatchObject({ ok: false, stage: 'envelope' });
    expect(!result.ok && result.error).toContain('expected io.llmops.training.run-completed.v1');
  });

  it('rejects a missing header, a missing value, and a value that is not JSON', () => {
    const headers = encodeEnvelopeHeaders(buildEnvelope(topic, data, fields));
    const withoutTime = { ...headers };
    delete withoutTime.ce_time;
    expect(decodeEventMessage(topic, withoutTime, JSON.stringify(data))).toMatchObject({
      ok: false,
      stage: 'envelope',
      error: 'missing header ce_time',
    });
    expect(decodeEventMessage(topic, headers, null)).toMatchObject({ ok: false, stage: 'data' });
    expect(decodeEventMessage(topic, headers, '{"runId":')).toMatchObject({ ok: false, stage: 'data' });
  });

  it('lists the failing payload fields', () => {
    const headers = encodeEnvelopeHeaders(buildEnvelope(topic, data, fields));
    const result = decodeEventMessage(topic, headers, JSON.stringify({ ...data, artifacts: [] }));
    expect(result).toMatchObject({ ok: false, stage: 'data', issues: [{ path: 'artifacts' }] });
  });

  it('reports an unknown topic', () => {
    expect(decodeEventMessage('llmops.x.y.v1' as typeof topic, {}, '{}')).toMatchObject({
      ok: false,
      stage: 'topic',
    });
  });
});
