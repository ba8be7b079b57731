import { passesLuhn } from './luhn';

describe('passesLuhn', () => {
  it('accepts well-known test card numbers', () => {
    expect(passesLuhn('4111111111111111')).toBe(true); // Visa
    expect(passesLuhn('5555555555554444')).toBe(true); // Mastercard
    expect(passesLuhn('378282246310005')).toBe(true); // Amex
    expect(passesLuhn('6011111111111117')).toBe(true); // Discover
  });

  it('rejects a number with one digit changed or two digits swapped', () => {
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('4111111111111121')).toBe(false);
  });

  it('rejects empty and non-digit input', () => {
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4111-1111')).toBe(false);
  });
});
