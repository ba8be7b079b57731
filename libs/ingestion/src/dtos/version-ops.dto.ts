import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DatasetVersionRefSchema } from '@llmops/contracts';
import { BuildOptionsSchema } from './build-options.dto';

/** `POST /v1/datasets/:id/derivations`: a new version from parent versions (re-clean, merge, decontaminate). */
export const DeriveVersionSchema = BuildOptionsSchema.extend({
  parents: z.array(DatasetVersionRefSchema).min(1).describe('Versions whose records are read.'),
});
export class DeriveVersionDto extends createZodDto(DeriveVersionSchema) {}

export const ContaminationCheckSchema = z.object({
  against: z.array(DatasetVersionRefSchema).min(1).describe('Evaluation sets; their test splits are used.'),
  ngram: z.number().int().min(5).max(50).default(13),
});
export class ContaminationCheckDto extends createZodDto(ContaminationCheckSchema) {}

export const DiffQuerySchema = z.object({ against: z.coerce.number().int().min(1) });
export class DiffQueryDto extends createZodDto(DiffQuerySchema) {}
