import { childTraceparent, formatTraceparent, newTraceparent, parseTraceparent } from './traceparent.util';

const EXAMPLE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('traceparent helpers', () => {
  it('parses a valid header', () => {
    expect(parseTraceparent(EXAMPLE)).toEqual({
      version: '00',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      flags: '01',
      sampled: true,
    });
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')?.sampled).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'hello'],
    ['uppercase hex', EXAMPLE.toUpperCase()],
    ['forbidden version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['all-zero span id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['extra field on version 00', `${EXAMPLE}-extra`],
    ['short trace id', '00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01'],
  ])('rejects %s', (_name, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('accepts extra fields from a future version', () => {
    expect(parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future')?.traceId).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('newTraceparent starts a sampled trace with random ids', () => {
    const first = parseTraceparent(newTraceparent());
    const second = parseTraceparent(newTraceparent());
    expect(first).toMatchObject({ version: '00', sampled: true });
    expect(first?.traceId).not.toBe(second?.traceId);
    expect(parseTraceparent(newTraceparent(false))?.sampled).toBe(false);
  });

  it('childTraceparent keeps trace id and sampling, with a new span id', () => {
    const child = parseTraceparent(childTraceparent(EXAMPLE));
    expect(child?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child?.spanId).not.toBe('00f067aa0ba902b7');
    expect(child?.sampled).toBe(true);
    const unsampled = childTraceparent(
      parseTraceparent(formatTraceparent('a'.repeat(32), 'b'.repeat(16), false)),
    );
    expect(unsampled).toMatch(/^00-a{32}-[0-9a-f]{16}-00$/);
  });

  it('childTraceparent of nothing or garbage starts a new trace', () => {
    expect(parseTraceparent(childTraceparent(undefined))).toBeDefined();
    expect(parseTraceparent(childTraceparent('garbage'))).toBeDefined();
  });
});
