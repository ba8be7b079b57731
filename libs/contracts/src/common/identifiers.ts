import { z } from 'zod';

/**
 * Identifier of an entity the platform creates (dataset, run, model version, ...). The platform mints
 * UUIDv7 (time-ordered); any RFC 9562 UUID is accepted so that imported entities keep their ids.
 */
export const UuidSchema = z.uuid().describe('UUID (the platform mints UUIDv7).');

/** Human-readable, URL-safe name: lowercase letters, digits and inner hyphens, 1–63 characters. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'expected lowercase letters, digits and inner hyphens')
  .describe('URL-safe name: lowercase letters, digits and inner hyphens, 1-63 characters.');

/** Identifier chosen by a system outside llmops (an outside producer's record id, an OpenAI request id). */
export const ExternalIdSchema = z
  .string()
  .min(1)
  .max(256)
  .describe('Identifier chosen outside llmops, 1-256 characters.');

/** Lowercase hex SHA-256 digest (64 characters). */
export const Sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters')
  .describe('SHA-256 digest, 64 lowercase hex characters.');

/** A version number: 1 for the first version of a thing, then 2, 3, ... */
export const VersionNumberSchema = z.number().int().min(1).describe('Version number, starting at 1.');

/** A count of things (records, tokens, items). */
export const CountSchema = z.number().int().nonnegative().describe('A count, a non-negative integer.');
