import { ConnectorError } from './connector.error';
import { connectorConfigSchema, connectorFor } from './connector-registry';
import { CONNECTOR_KINDS } from './source-connector';

describe('connector registry', () => {
  it('has a connector per readable kind', () => {
    for (const kind of CONNECTOR_KINDS) expect(connectorFor(kind).kind).toBe(kind);
  });

  it('refuses kinds that are fed rather than read', () => {
    expect(() => connectorFor('kafka')).toThrow(ConnectorError);
    expect(() => connectorFor('upload')).toThrow(
      expect.objectContaining({ code: 'unsupported-kind' }) as Error,
    );
  });

  it('gives the config schema of each kind, with defaults filled', () => {
    expect(connectorConfigSchema('s3').parse({ prefix: 'imports/a/' })).toEqual({
      prefix: 'imports/a/',
      include: ['**'],
      maxObjects: 10_000,
    });
    expect(connectorConfigSchema('kafka').parse({})).toEqual({});
    expect(connectorConfigSchema('kafka').safeParse({ topic: 'x' }).success).toBe(false);
  });

  it('documents every config field, for the API reference', () => {
    for (const kind of CONNECTOR_KINDS) {
      const json = connectorConfigSchema(kind).toJSONSchema() as {
        properties: Record<string, { description?: string }>;
      };
      for (const [field, property] of Object.entries(json.properties)) {
        expect([kind, field, property.description]).toEqual([kind, field, expect.any(String)]);
      }
    }
  });

  it('turns an invalid stored config into invalid-config naming the field', async () => {
    const inputs = connectorFor('http').open({ url: 'ftp://example.com/a' }, {} as never);
    await expect(inputs.next()).rejects.toMatchObject({ code: 'invalid-config', field: 'url' });
  });
});
