import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { type AnyEventDefinition, EVENT_DEFINITIONS, EVENTS, isTopicName, parseEventData } from './index';

const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures');

function fixture(topic: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${topic}.json`), 'utf8'));
}

describe('fixtures (one per event version; old ones must keep parsing forever)', () => {
  const files = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json'));

  it('every registered event version has a fixture', () => {
    const missing = EVENT_DEFINITIONS.map((d) => `${d.topic}.json`).filter((name) => !files.includes(name));
    expect(missing).toEqual([]);
  });

  it('every fixture belongs to a registered event version', () => {
    const orphans = files.filter((name) => !isTopicName(name.replace(/\.json$/, '')));
    expect(orphans).toEqual([]);
  });

  it.each(EVENT_DEFINITIONS.map((d) => d.topic))('%s parses with its schema, losing no field', (topic) => {
    const data = fixture(topic);
    const parsed = parseEventData(topic, data);
    if (!parsed.ok) throw new Error(parsed.error);
    // Unknown keys are stripped on parse: equality proves the fixture has no misspelt field.
    expect(parsed.data).toEqual(data);
  });

  it.each(EVENT_DEFINITIONS.map((d) => d.topic))('%s yields a non-empty message key', (topic) => {
    const definition: AnyEventDefinition = EVENTS[topic];
    const key = definition.keyOf(definition.schema.parse(fixture(topic)));
    expect(key).toMatch(/\S/);
  });
});
