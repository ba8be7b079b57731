import { z } from 'zod';
import { ROLES } from '../domain/role';

/** One stored API key: a name, the sha256 of the key (never the key), and the roles it grants. */
export const apiKeyEntrySchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty'),
  hash: z
    .string()
    .regex(/^sha256:[0-9a-fA-F]{64}$/, 'hash must be "sha256:" followed by 64 hex digits')
    .transform((hash) => hash.toLowerCase()),
  roles: z.array(z.enum(ROLES)).min(1, 'roles must list at least one role'),
});

export const apiKeyListSchema = z.array(apiKeyEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.name)) {
      ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate key name "${entry.name}"` });
    }
    seen.add(entry.name);
  });
});

export type ApiKeyEntry = z.infer<typeof apiKeyEntrySchema>;
