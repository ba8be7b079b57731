import { z } from 'zod';

/** What the user said about an answer. */
export const FeedbackSignalSchema = z
  .discriminatedUnion('type', [
    z.object({
      /** Thumbs up or down. */
      type: z.literal('thumbs').describe('Thumbs up or down.'),
      /** The thumb. */
      value: z.enum(['up', 'down']).describe('The thumb.'),
    }),
    z.object({
      /** A score on a scale. */
      type: z.literal('rating').describe('A score on a scale.'),
      /** The score, within [min, max]. */
      value: z.number().describe('The score, within [min, max].'),
      /** Lowest score of the scale, e.g. 1. */
      min: z.number().describe('Lowest score of the scale, e.g. 1.'),
      /** Highest score of the scale, e.g. 5. */
      max: z.number().describe('Highest score of the scale, e.g. 5.'),
    }),
    z.object({
      /** The answer the user wanted instead (becomes SFT or preference data). */
      type: z
        .literal('correction')
        .describe('The answer the user wanted instead (becomes SFT or preference data).'),
      /** The corrected completion. */
      completion: z
        .string()
        .min(1)
        .max(16_384)
        .describe('The corrected completion (at most 16384 characters).'),
    }),
    z.object({
      /** A categorical label, e.g. `hallucination`, `off-topic`, `unsafe`. */
      type: z.literal('label').describe('A categorical label, e.g. hallucination, off-topic, unsafe.'),
      /** The label. */
      value: z.string().min(1).max(100).describe('The label.'),
    }),
  ])
  .describe('What the user said about the answer: thumbs, rating, correction or label.');

/** What the user said about an answer. */
export type FeedbackSignal = z.output<typeof FeedbackSignalSchema>;
