import { z } from 'zod';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Bounds that keep a hostile or broken input from exhausting memory or disk. */
export const ReadLimitsSchema = z
  .object({
    /** Longest JSONL/CSV/text line kept; longer lines are rejected (`line-too-long`) without being buffered. */
    maxLineBytes: z
      .number()
      .int()
      .positive()
      .default(16 * MiB),
    /** Largest single record (JSON array element, CSV record, Parquet row, text file or paragraph). */
    maxRecordBytes: z
      .number()
      .int()
      .positive()
      .default(16 * MiB),
    /** Most bytes read from one input after decompression (`input-too-large`). */
    maxDecompressedBytes: z
      .number()
      .int()
      .positive()
      .default(50 * GiB),
    /**
     * Highest decompressed/compressed ratio a gzip input may reach (`gzip-ratio-exceeded`). Text JSONL
     * compresses 3-15x and repetitive logs rarely pass 50x, while a gzip bomb of zeros reaches ~1000x.
     */
    maxGzipRatio: z.number().positive().default(100),
  })
  .strict();

export type ReadLimits = z.output<typeof ReadLimitsSchema>;

/** Below this many decompressed bytes the ratio is not checked: a tiny, very compressible file is harmless. */
export const GZIP_RATIO_GRACE_BYTES = MiB;
