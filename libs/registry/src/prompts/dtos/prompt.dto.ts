import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PromptVersionCreatedV1Schema, SlugSchema, type Actor, type JsonValue } from '@llmops/contracts';
import type { PromptTemplate } from '../domain/prompt-template';
import { VARIABLE_NAME } from '../domain/prompt-template';
import { refuseNul } from './no-nul.refinement';

/** Labels a prompt protects unless an admin says otherwise. */
export const DEFAULT_PROTECTED_LABELS = ['production'] as const;

/** Names that would collide with fixed paths under `/v1/prompts`. */
export const RESERVED_PROMPT_NAMES: readonly string[] = ['links'];

const VariableNameSchema = z
  .string()
  .regex(VARIABLE_NAME, 'an identifier: letters, digits and _, not starting with a digit or __');

/** Known model parameters are checked; others pass through for the serving backend to interpret. */
const ModelParametersSchema = z.looseObject({
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  max_tokens: z.number().int().min(1).optional(),
  presence_penalty: z.number().min(-2).max(2).optional(),
  frequency_penalty: z.number().min(-2).max(2).optional(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).optional(),
  seed: z.number().int().optional(),
});

/** One new version: the template, its variables (derived when omitted) and the model parameters. */
const VersionFields = {
  template: PromptVersionCreatedV1Schema.shape.template,
  /** When given, must name exactly the variables the template uses. */
  variables: z.array(VariableNameSchema).max(200).optional(),
  modelParameters: ModelParametersSchema.default({}),
  commitMessage: z.string().trim().min(1).max(2000),
};

export const CreatePromptVersionSchema = z.strictObject(VersionFields).superRefine(refuseNul);
export class CreatePromptVersionDto extends createZodDto(CreatePromptVersionSchema) {}
export type CreatePromptVersion = z.output<typeof CreatePromptVersionSchema>;

/** `POST /v1/prompts`: the prompt and its version 1. */
export const CreatePromptSchema = z
  .strictObject({
    name: SlugSchema.refine((name) => !RESERVED_PROMPT_NAMES.includes(name), 'this name is reserved'),
    description: z.string().max(4000).default(''),
    /** Labels protected in addition to `production` (which only an admin can unprotect, later). */
    protectedLabels: z.array(SlugSchema).max(20).default([]),
    ...VersionFields,
  })
  .superRefine(refuseNul);
export class CreatePromptDto extends createZodDto(CreatePromptSchema) {}
export type CreatePrompt = z.output<typeof CreatePromptSchema>;

/** `PUT /v1/prompts/{name}/protection` (admin): which labels are protected and how many approvals a move needs. */
export const PromptProtectionSchema = z.strictObject({
  protectedLabels: z.array(SlugSchema).max(20),
  requiredApprovals: z.number().int().min(1).max(10).default(1),
});
export class PromptProtectionDto extends createZodDto(PromptProtectionSchema) {}

/** A label as shown with its prompt. */
export interface PromptLabelView {
  label: string;
  version: number;
  versionId: string;
  protected: boolean;
  movedBy: Actor;
  movedAt: string;
}

export interface PromptView {
  id: string;
  name: string;
  description: string;
  protectedLabels: string[];
  requiredApprovals: number;
  latestVersion: number;
  labels: PromptLabelView[];
  createdBy: Actor;
  createdAt: string;
}

export interface PromptVersionView {
  promptId: string;
  promptName: string;
  versionId: string;
  version: number;
  template: PromptTemplate;
  variables: string[];
  modelParameters: Record<string, JsonValue>;
  commitMessage: string;
  /** Labels pointing at this version now. */
  labels: string[];
  createdBy: Actor;
  createdAt: string;
}
