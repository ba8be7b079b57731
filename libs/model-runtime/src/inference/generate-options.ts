import { z } from 'zod';

/** Generation options; serving can validate requests with this schema and report every bad field. */
export const GenerateOptionsSchema = z
  .strictObject({
    /** Most tokens to generate (EOS ends generation earlier). */
    maxTokens: z.int().min(1).max(4096).default(64).describe('Most tokens to generate.'),
    /** 0 is greedy (deterministic); higher is more random. */
    temperature: z.number().min(0).max(5).default(1).describe('0 is greedy; higher is more random.'),
    /** Sample among the k most likely tokens only; 0 disables. */
    topK: z
      .int()
      .min(0)
      .max(8192)
      .default(0)
      .describe('Sample among the k most likely tokens only; 0 disables.'),
    /** Nucleus sampling: the smallest set of likely tokens with this much probability; 1 disables. */
    topP: z.number().gt(0).max(1).default(1).describe('Nucleus sampling threshold; 1 disables.'),
    /** Seeds sampling; without it each call draws a fresh seed. */
    seed: z
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional()
      .describe('Seeds sampling; omit for a fresh seed per call.'),
    /** Generation stops before the first occurrence of any of these strings, which is not returned. */
    stop: z
      .union([z.string().min(1), z.array(z.string().min(1)).max(16)])
      .optional()
      .describe('Stop before the first occurrence of any of these strings.'),
  })
  .describe('Options for generating text with a builtin model.');

export type GenerateOptionsInput = z.input<typeof GenerateOptionsSchema>;
export type GenerateOptions = z.output<typeof GenerateOptionsSchema>;
