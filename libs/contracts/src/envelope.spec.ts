import {
  CE_HEADERS,
  decodeEnvelopeHeaders,
  encodeEnvelopeHeaders,
  type EventEnvelope,
  type HeaderValue,
} from './index';

const envelope: EventEnvelope = {
  specversion: '1.0',
  id: '0192c0de-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  source: '/llmops/training',
  type: 'io.llmops.training.run-completed.v1',
  time: '2025-03-14T10:11:47.588Z',
  subject: '0192c1a0-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
  datacontenttype: 'application/json',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  tracestate: 'vendor=abc',
  correlationid: 'req-8c1f2e7a',
  causationid: '0192b7c2-0000-7111-8222-333344445555',
};

function withHeaders(overrides: Record<string, HeaderValue>): Record<string, HeaderValue> {
  return { ...encodeEnvelopeHeaders(envelope), ...overrides };
}

describe('CloudEvents envelope (Kafka binding, binary mode)', () => {
  it('encodes every attribute under its header name', () => {
    expect(encodeEnvelopeHeaders(envelope)).toEqual({
      ce_specversion: '1.0',
      ce_id: envelope.id,
      ce_source: '/llmops/training',
      ce_type: 'io.llmops.training.run-completed.v1',
      ce_time: envelope.time,
      ce_subject: envelope.subject,
      'content-type': 'application/json',
      traceparent: envelope.traceparent,
      tracestate: 'vendor=abc',
      ce_correlationid: 'req-8c1f2e7a',
      ce_causationid: envelope.causationid,
    });
  });

  it('omits absent optional attributes', () => {
    const required: EventEnvelope = {
      specversion: '1.0',
      id: envelope.id,
      source: envelope.source,
      type: envelope.type,
      time: envelope.time,
      subject: envelope.subject,
      datacontenttype: 'application/json',
    };
    expect(Object.keys(encodeEnvelopeHeaders(required)).sort()).toEqual(
      ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'content-type'].sort(),
    );
    expect(decodeEnvelopeHeaders(encodeEnvelopeHeaders(required))).toEqual({ ok: true, envelope: required });
  });

  it('round-trips string headers', () => {
    expect(decodeEnvelopeHeaders(encodeEnvelopeHeaders(envelope))).toEqual({ ok: true, envelope });
  });

  it('round-trips Buffer headers and single-element arrays, as kafkajs delivers them', () => {
    const headers: Record<string, HeaderValue> = {};
    for (const [name, value] of Object.entries(encodeEnvelopeHeaders(envelope))) {
      headers[name] = name === CE_HEADERS.id ? [Buffer.from(value)] : Buffer.from(value);
    }
    expect(decodeEnvelopeHeaders({ ...headers, 'x-unrelated': Buffer.from('ignored') })).toEqual({
      ok: true,
      envelope,
    });
  });

  it('reports a missing header by name', () => {
    const result = decodeEnvelopeHeaders(withHeaders({ ce_id: undefined }));
    expect(result).toEqual({ ok: false, error: 'missing header ce_id' });
  });

  it('reports every missing required header', () => {
    const result = decodeEnvelopeHeaders({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of [
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_time',
      'ce_subject',
      'content-type',
    ]) {
      expect(result.error).toContain(`missing header ${name}`);
    }
  });

  it('rejects a wrong specversion', () => {
    const result = decodeEnvelopeHeaders(withHeaders({ ce_specversion: '0.3' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^header ce_specversion: /);
  });

  it.each([
    ['ce_id', 'not-a-uuid'],
    ['ce_time', 'yesterday'],
    ['ce_type', 'run-completed'],
    ['content-type', 'text/plain'],
    ['traceparent', '00-xyz'],
  ])('rejects a malformed %s', (name, value) => {
    const result = decodeEnvelopeHeaders(withHeaders({ [name]: value }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`header ${name}: `);
  });

  it('rejects a repeated header instead of guessing', () => {
    const result = decodeEnvelopeHeaders(withHeaders({ ce_type: [envelope.type, 'io.llmops.x.y.v1'] }));
    expect(result).toEqual({ ok: false, error: 'header ce_type appears 2 times' });
  });

  it('rejects a header that is not UTF-8', () => {
    const result = decodeEnvelopeHeaders(withHeaders({ ce_subject: Buffer.from([0xff, 0xfe, 0x41]) }));
    expect(result).toEqual({ ok: false, error: 'header ce_subject is not valid UTF-8' });
  });

  it('never throws on hostile input', () => {
    const hostile = Object.create(null) as Record<string, HeaderValue>;
    hostile.ce_id = [];
    expect(() => decodeEnvelopeHeaders(hostile)).not.toThrow();
  });
});
