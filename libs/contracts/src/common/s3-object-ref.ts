import { z } from 'zod';

import { Sha256HexSchema } from './identifiers';

/**
 * `s3://<bucket>/<key>` of an object (or, ending in `/`, of a prefix) in the platform's object store. In
 * standalone mode the filesystem store uses the same URIs.
 */
export const S3UriSchema = z
  .string()
  .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S+$/, 'expected s3://<bucket>/<key>')
  .describe('Object store URI, s3://<bucket>/<key>.');

/** Events never carry large payloads: they point at an object and say how to verify it. */
export const S3ObjectRefSchema = z
  .object({
    /** Where the object lives. */
    uri: S3UriSchema.describe('Where the object lives, s3://<bucket>/<key>.'),
    /** SHA-256 of the object's bytes; readers verify it. */
    sha256: Sha256HexSchema.describe("SHA-256 of the object's bytes; readers verify it."),
    /** Size of the object in bytes. */
    size: z.number().int().nonnegative().describe('Size of the object in bytes.'),
  })
  .describe('An object in the object store, with its checksum and size.');

/** An object in the object store, with its checksum and size. */
export type S3ObjectRef = z.output<typeof S3ObjectRefSchema>;
