import type { IngestedRecordContentSchema } from '@llmops/contracts';
import type { z } from 'zod';

/** One training example, in the shapes ingestion produces: text, prompt-completion, chat or preference. */
export type TrainingExample = z.output<typeof IngestedRecordContentSchema>;
