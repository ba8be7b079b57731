/**
 * Whether a compact IBAN (no spaces, upper case) has a valid ISO 13616 check: move the first four
 * characters to the end, read letters as 10..35, and the number mod 97 must be 1. Computed digit by digit,
 * so no big integers.
 */
export function passesIbanChecksum(iban: string): boolean {
  if (iban.length < 15 || iban.length > 34) return false;
  let remainder = 0;
  for (let k = 0; k < iban.length; k++) {
    const code = iban.charCodeAt((k + 4) % iban.length);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      return false;
    }
  }
  return remainder === 1;
}
