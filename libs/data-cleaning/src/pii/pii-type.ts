/** Kinds of personal or secret data `redact-pii` finds; the names are stable (reports and recipes use them). */
export const PII_TYPES = ['email', 'phone', 'credit-card', 'iban', 'ip-address', 'secret'] as const;

export type PiiType = (typeof PII_TYPES)[number];

/** What each type is replaced with unless a recipe says otherwise. */
export const DEFAULT_PII_REPLACEMENTS: Record<PiiType, string> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  'credit-card': '[CREDIT_CARD]',
  iban: '[IBAN]',
  'ip-address': '[IP_ADDRESS]',
  secret: '[SECRET]',
};
