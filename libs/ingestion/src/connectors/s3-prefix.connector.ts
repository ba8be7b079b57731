/**
 * S3 prefix source: reads every object under a prefix of the platform's bucket (files dropped there by
 * `aws s3 sync`, a presigned upload or another job) as `bytes` inputs named by their key relative to
 * the prefix, in key order.
 *
 * Keys are listed and filtered first, so `maxObjects` and an empty prefix fail before anything is
 * read. Bodies open lazily and are verified against their recorded checksum as they stream (only
 * sealed objects are listed: bytes without a checksum record are invisible to the store). Storage
 * failures pass through as the storage lib's own errors, which say whether to retry.
 *
 * Any prefix outside `.llmops/` is readable: which prefixes a tenant may import from is the service's
 * decision.
 */
import type { ObjectStore } from '@llmops/storage';
import { ConnectorError } from './connector.error';
import type { ConnectorContext } from './connector-context';
import { globFilter } from './glob-filter';
import { S3PrefixSourceConfigSchema, type S3PrefixSourceConfig } from './s3-prefix.config';
import { defineConnector } from './source-connector';
import type { SourceInput } from './source-input';

// The store's default for objects written without a type; telling the reader nothing is more honest.
const UNTYPED = 'application/octet-stream';

export const s3PrefixConnector = defineConnector('s3', S3PrefixSourceConfigSchema, openS3PrefixSource);

export async function* openS3PrefixSource(
  config: S3PrefixSourceConfig,
  ctx: ConnectorContext,
): AsyncGenerator<SourceInput, void, undefined> {
  const keys = await matchingKeys(config, ctx);
  for (const key of keys) {
    ctx.signal.throwIfAborted();
    const object = await ctx.store.stat(key);
    yield {
      kind: 'bytes',
      name: key.slice(config.prefix.length),
      ...(object.contentType === UNTYPED ? {} : { contentType: object.contentType }),
      uri: object.uri,
      body: lazyBody(ctx.store, key),
    };
  }
}

async function matchingKeys(config: S3PrefixSourceConfig, ctx: ConnectorContext): Promise<string[]> {
  const keep = globFilter(config.include);
  const keys: string[] = [];
  let listed = 0;
  for await (const key of ctx.store.list(config.prefix)) {
    ctx.signal.throwIfAborted();
    listed += 1;
    if (!keep(key.slice(config.prefix.length))) continue;
    keys.push(key);
    if (keys.length > config.maxObjects) {
      throw new ConnectorError('input-too-large', `more than maxObjects ${config.maxObjects} objects match`, {
        field: 'maxObjects',
      });
    }
  }
  if (keys.length === 0) {
    const why = listed === 0 ? 'holds no objects' : `holds ${listed} objects, none matching include`;
    throw new ConnectorError('s3-prefix-empty', `${config.prefix} ${why}`, {
      field: listed === 0 ? 'prefix' : 'include',
    });
  }
  return keys.sort();
}

async function* lazyBody(store: ObjectStore, key: string): AsyncGenerator<Buffer, void, undefined> {
  const stream = await store.get(key);
  for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
}
