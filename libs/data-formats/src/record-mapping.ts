import { z } from 'zod';

import { RecordProvenanceSchema } from '@llmops/contracts';

/** Record shapes a mapping can ask for; `auto` decides per row from the fields present. */
export const RECORD_MAPPING_SHAPES = ['auto', 'text', 'prompt-completion', 'chat', 'preference'] as const;

/**
 * How a source value is coerced before use. CSV cells are always text, so numbers, flags and nested JSON
 * (e.g. a `messages` column) arrive as strings; `json` parses a JSON string into the value it encodes.
 */
export const FieldCoercionSchema = z
  .enum(['string', 'number', 'boolean', 'json'])
  .describe('Coercion of a source value: string, number, boolean, or json (a JSON string to its value).');

export type FieldCoercion = z.output<typeof FieldCoercionSchema>;

const SourceFieldSchema = z
  .string()
  .min(1)
  .describe('Source field name; an exact key wins, else a dotted path into nested objects.');

/** Which source field feeds each content field; unset ones default to the content field's own name. */
const ContentFieldsSchema = z
  .object({
    text: SourceFieldSchema.optional(),
    prompt: SourceFieldSchema.optional(),
    completion: SourceFieldSchema.optional(),
    messages: SourceFieldSchema.optional(),
    chosen: SourceFieldSchema.optional(),
    rejected: SourceFieldSchema.optional(),
  })
  .strict()
  .describe('Source field feeding each content field; defaults to the content field name.');

/** Source fields that carry per-row provenance, overriding the defaults. */
const ProvenanceFieldsSchema = z
  .object({
    license: SourceFieldSchema.optional(),
    author: SourceFieldSchema.optional(),
    uri: SourceFieldSchema.optional(),
    collectedAt: SourceFieldSchema.optional(),
  })
  .strict()
  .describe('Source fields carrying per-row provenance.');

/** How raw rows (JSON objects, CSV rows, Parquet rows) become records. */
export const RecordMappingSchema = z
  .object({
    /** Record shape to build; `auto` detects it per row ({text}, {prompt,completion}, {messages}, {prompt,chosen,rejected}). */
    shape: z.enum(RECORD_MAPPING_SHAPES).default('auto'),
    /** Source field per content field. */
    fields: ContentFieldsSchema.default({}),
    /** Field holding the record id; unset means `id` when a row has one, else an id derived from file and line. */
    idField: SourceFieldSchema.optional(),
    /** Fields kept as metadata: a list, or `rest` for every field not used for content, id or provenance. */
    metadataFields: z.union([z.literal('rest'), z.array(SourceFieldSchema)]).default('rest'),
    /** Coercion per source field, applied before the field is used. */
    coerce: z.record(SourceFieldSchema, FieldCoercionSchema).default({}),
    /** Provenance every record gets unless a row says otherwise (producer, license, ...). */
    provenance: RecordProvenanceSchema.partial().default({}),
    /** Source fields carrying per-row provenance. */
    provenanceFields: ProvenanceFieldsSchema.default({}),
  })
  .strict()
  .describe('How raw rows become records: shape, field sources, id, metadata, coercion, provenance.');

/** A parsed mapping (defaults filled in): what `mapRow` and `readRecords` work with. */
export type RecordMapping = z.output<typeof RecordMappingSchema>;

/** A mapping as a caller writes it (every field optional). */
export type RecordMappingInput = z.input<typeof RecordMappingSchema>;

/** Detect the shape per row, take every other field as metadata. */
export const DEFAULT_RECORD_MAPPING: RecordMapping = RecordMappingSchema.parse({});
