import { z } from 'zod';

/** Reads the objects under a prefix of the platform's own bucket. */
export const S3PrefixSourceConfigSchema = z
  .strictObject({
    prefix: z
      .string()
      .min(2)
      .max(512)
      .regex(/^[A-Za-z0-9!_.*'()/-]+\/$/, 'must be a key prefix ending in / (e.g. imports/team-a/)')
      .refine(
        (prefix) =>
          !prefix.startsWith('/') && !prefix.split('/').some((part) => part === '.' || part === '..'),
        'must be relative, without . or .. segments',
      )
      .refine((prefix) => !prefix.startsWith('.llmops/'), 'must not be inside the reserved .llmops/ tree')
      .describe('Key prefix inside the platform bucket, ending in / (e.g. imports/team-a/).'),
    include: z
      .array(z.string().min(1))
      .min(1)
      .default(['**'])
      .describe(
        'picomatch globs over keys relative to the prefix; an object is read when one matches. Default all.',
      ),
    maxObjects: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .default(10_000)
      .describe('Fail, before reading anything, when more objects than this match. Default 10000.'),
  })
  .describe("Reads the objects under a prefix of the platform's own bucket.");

export type S3PrefixSourceConfig = z.output<typeof S3PrefixSourceConfigSchema>;
