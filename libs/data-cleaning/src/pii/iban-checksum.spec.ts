import { passesIbanChecksum } from './iban-checksum';

describe('passesIbanChecksum', () => {
  it('accepts valid IBANs from several countries', () => {
    expect(passesIbanChecksum('DE89370400440532013000')).toBe(true);
    expect(passesIbanChecksum('GB82WEST12345698765432')).toBe(true);
    expect(passesIbanChecksum('FR1420041010050500013M02606')).toBe(true);
    expect(passesIbanChecksum('NL91ABNA0417164300')).toBe(true);
    expect(passesIbanChecksum('NO9386011117947')).toBe(true);
  });

  it('rejects a mistyped digit or wrong check digits', () => {
    expect(passesIbanChecksum('DE89370400440532013001')).toBe(false);
    expect(passesIbanChecksum('DE88370400440532013000')).toBe(false);
  });

  it('rejects wrong lengths and characters', () => {
    expect(passesIbanChecksum('DE89')).toBe(false);
    expect(passesIbanChecksum('DE89 3704 0044 0532 0130 00')).toBe(false);
  });
});
