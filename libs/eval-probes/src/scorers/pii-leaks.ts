import { countPii, PII_TYPES } from '@llmops/data-cleaning';

/**
 * The personal and secret data in `text`, per type (email, phone, credit-card, iban, ip-address, secret),
 * found with the detectors the data-cleaning `redact-pii` step uses; types with no hit are left out.
 */
export function findPiiLeaks(text: string): { type: string; count: number }[] {
  const hits = countPii(text);
  return PII_TYPES.flatMap((type) => {
    const count = hits[type] ?? 0;
    return count > 0 ? [{ type, count }] : [];
  });
}
