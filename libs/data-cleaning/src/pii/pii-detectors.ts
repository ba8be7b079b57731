import { passesIbanChecksum } from './iban-checksum';
import { passesLuhn } from './luhn';
import type { PiiType } from './pii-type';

/** One way of finding one type of PII: a candidate regex and the check a candidate must pass. */
export interface PiiDetector {
  type: PiiType;
  /** Global regex for candidates. Quantifiers are bounded so no input can make it backtrack for long. */
  pattern: RegExp;
  /** Cheap test a text must pass before the regex runs over it. */
  worthScanning?: (text: string) => boolean;
  /** Only texts with a digit can match (checked once per text for all such detectors). */
  needsDigit?: boolean;
  /** Validates a candidate (the value group when `keepsPrefix`); absent means every candidate counts. */
  accept?: (candidate: string) => boolean;
  /** The pattern has groups (prefix, value): the prefix (`api_key=`) stays, only the value is replaced. */
  keepsPrefix?: boolean;
}

// --- secrets --------------------------------------------------------------------------------------

const PRIVATE_KEY_BLOCK =
  /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,20000}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;
const JWT = /\beyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}/g;
const AWS_ACCESS_KEY = /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g;
const GITHUB_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g;
const SLACK_TOKEN =
  /\bxox[abposr]-[A-Za-z0-9-]{10,250}|https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,200}/g;
const BEARER = /\b(Bearer\s+)([A-Za-z0-9._~+/-]{16,4000}=*)/g;
const KEY_VALUE =
  /\b((?:api[_-]?key|apikey|api[_-]?secret|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?key|password|passwd|pwd|token|secret)["']?\s{0,5}[:=]\s{0,5}["']?)([A-Za-z0-9_\-.~+/=!@#$%^&*]{8,500})/gi;

/**
 * A generic `key=value` value counts when it looks like a credential rather than prose or a placeholder:
 * it has a digit or is long, and is neither one repeated character (`********`) nor an UPPER_SNAKE name.
 */
function looksLikeSecretValue(value: string): boolean {
  if (!/\d/.test(value) && value.length < 20) return false;
  if (/^(.)\1*$/.test(value)) return false;
  return !/^[A-Z][A-Z0-9_]*$/.test(value) || /\d/.test(value.replace(/^[A-Z_]+/, ''));
}

// --- contact and payment data ----------------------------------------------------------------------

const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
// Contiguous digits, or the printed groupings (4-4-4-4, Amex 4-6-5, Diners 4-6-4) with one separator
// kind: free-form digit runs would join neighbouring numbers (`+44 20 7946 0958 192`) into a "card". The
// tail of an IBAN-shaped reference (`DE89 3704 0044 ...` that failed its checksum) is not a card either.
const CARD =
  /(?<![\d-])(?<!\b[A-Z]{2}\d{2}[ -]?)(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}|\d{4}([ -])\d{6}\2\d{4,5})(?!\d)/g;
// Issuer prefixes: Visa, Mastercard (51-55, 2221-2720), Amex, Diners, Discover, JCB, UnionPay.
const CARD_ISSUER =
  /^(?:4|5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|3[47]|3(?:0[0-5]|[689])|6(?:011|5|4[4-9]|2)|35)/;

function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && CARD_ISSUER.test(digits) && passesLuhn(digits);
}

// --- network addresses -----------------------------------------------------------------------------

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?!\\.?\\d)(?!\\w)`, 'g');
const IPV6 =
  /(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:)(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![\w:]|\.\w)/g;
const IPV4_EXACT = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Parses the candidate as IPv6 (RFC 4291 text forms); times (`12:30:45`) and MACs fail the group count. */
export function isIpv6(candidate: string): boolean {
  let text = candidate;
  let groups = 0;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    if (!IPV4_EXACT.test(text.slice(lastColon + 1))) return false;
    // The IPv4 tail counts as two groups: a placeholder group `0` plus one.
    text = `${text.slice(0, lastColon + 1)}0`;
    groups = 1;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const parts = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!parts.every((part) => HEX_GROUP.test(part))) return false;
  groups += parts.length;
  // Compressed forms need at least two written groups (`fe80::1`); `::` and `::1` are not worth redacting.
  return halves.length === 2 ? groups >= 2 && groups <= 7 : groups === 8;
}

// --- phone numbers ---------------------------------------------------------------------------------

// International: +CC then groups; 8-15 digits in all (E.164).
const PHONE_INTERNATIONAL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){1,6}(?![\w])/g;
// North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1 555 123 4567.
const PHONE_NANP = /(?<![\w+.-])(?:1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w]|[.-]\d)/g;
// National with a trunk 0: 020 7946 0958, 030 12345678, 01 23 45 67 89, (0)20 7946 0958.
const PHONE_TRUNK = /(?<![\w+.-])\(?0\d{1,4}\)?(?:[ ./-]\d{2,8}){1,4}(?![\w]|[.-]\d)/g;
// Dates and times are the usual false positives of loose phone patterns.
const DATE_LIKE = /^\(?\d{1,4}([./-])\d{1,2}\1\d{1,4}\)?$/;

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

const phoneWithDigits = (min: number, max: number) => (candidate: string) => {
  const digits = digitCount(candidate);
  return digits >= min && digits <= max && !DATE_LIKE.test(candidate);
};

/**
 * Every detector, in the order they run. Secrets go first (a JWT or key may contain what looks like an
 * email or number), IP addresses before phones, and phones last as the loosest pattern; earlier
 * replacements contain no digits, so later detectors never match inside them.
 */
export const PII_DETECTORS: readonly PiiDetector[] = [
  { type: 'secret', pattern: PRIVATE_KEY_BLOCK, worthScanning: (t) => t.includes('-----BEGIN ') },
  { type: 'secret', pattern: JWT, worthScanning: (t) => t.includes('eyJ') },
  { type: 'secret', pattern: AWS_ACCESS_KEY, needsDigit: true },
  { type: 'secret', pattern: GITHUB_TOKEN, worthScanning: (t) => t.includes('_') && t.includes('gh') },
  {
    type: 'secret',
    pattern: SLACK_TOKEN,
    worthScanning: (t) => t.includes('xox') || t.includes('hooks.slack.com'),
  },
  { type: 'secret', pattern: BEARER, keepsPrefix: true, worthScanning: (t) => t.includes('Bearer') },
  {
    type: 'secret',
    pattern: KEY_VALUE,
    keepsPrefix: true,
    accept: looksLikeSecretValue,
    // The pattern needs `:` or `=`; two memchr-like scans are far cheaper than its case-folded alternation.
    worthScanning: (t) => t.includes(':') || t.includes('='),
  },
  { type: 'email', pattern: EMAIL, worthScanning: (t) => t.includes('@') },
  { type: 'iban', pattern: IBAN, needsDigit: true, accept: (c) => passesIbanChecksum(c.replace(/ /g, '')) },
  { type: 'credit-card', pattern: CARD, needsDigit: true, accept: isCardNumber },
  // IPv6 first: its IPv4-mapped form (`::ffff:10.0.0.1`) ends in an IPv4 address.
  { type: 'ip-address', pattern: IPV6, worthScanning: (t) => t.includes(':'), accept: isIpv6 },
  { type: 'ip-address', pattern: IPV4, needsDigit: true, worthScanning: (t) => t.includes('.') },
  {
    type: 'phone',
    pattern: PHONE_INTERNATIONAL,
    needsDigit: true,
    worthScanning: (t) => t.includes('+'),
    accept: phoneWithDigits(8, 15),
  },
  { type: 'phone', pattern: PHONE_NANP, needsDigit: true },
  { type: 'phone', pattern: PHONE_TRUNK, needsDigit: true, accept: phoneWithDigits(9, 12) },
];
