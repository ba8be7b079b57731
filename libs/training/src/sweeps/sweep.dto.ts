import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { RunSpecSchema } from '../domain/run-spec';
import { SweepSpecSchema } from './domain/sweep-spec';

/** `POST /v1/training/sweeps`: a run template and a search over some of its hyperparameters. */
export const CreateSweepSchema = z.object({
  name: z.string().min(1).max(200),
  runTemplate: RunSpecSchema,
  sweep: SweepSpecSchema,
});
export class CreateSweepDto extends createZodDto(CreateSweepSchema) {}
