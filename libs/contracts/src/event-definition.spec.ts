import { z } from 'zod';

import { defineEvent } from './event-definition';

const schema = z.object({ thingId: z.string().describe('The thing.') });

describe('defineEvent', () => {
  it('derives topic, CloudEvents type and source', () => {
    const definition = defineEvent({
      service: 'serving',
      event: 'thing-happened',
      version: 2,
      schema,
      description: 'A thing happened.',
      aggregate: 'the thing',
      keyOf: (data) => data.thingId,
    });
    expect(definition).toMatchObject({
      topic: 'llmops.serving.thing-happened.v2',
      type: 'io.llmops.serving.thing-happened.v2',
      source: '/llmops/serving',
      input: false,
    });
    expect(definition.keyOf({ thingId: 't-1' })).toBe('t-1');
    expect(Object.isFrozen(definition)).toBe(true);
  });

  it.each([['ThingHappened'], ['thing_happened'], ['thing-'], ['']])('rejects event name %j', (event) => {
    expect(() =>
      defineEvent({
        service: 'serving',
        event,
        version: 1,
        schema,
        description: '',
        aggregate: '',
        keyOf: () => '',
      }),
    ).toThrow(/kebab-case/);
  });

  it('rejects a version below 1', () => {
    expect(() =>
      defineEvent({
        service: 'serving',
        event: 'x',
        version: 0,
        schema,
        description: '',
        aggregate: '',
        keyOf: () => '',
      }),
    ).toThrow(/version/);
  });
});
