import { countPii } from './count-pii';

describe('countPii', () => {
  it('counts hits per type with the redaction detectors', () => {
    expect(
      countPii('Mail jane@example.com or ops@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111.'),
    ).toEqual({ email: 2, phone: 1, 'credit-card': 1 });
  });

  it('finds nothing in text without PII', () => {
    expect(countPii('On 2023-01-15 at 10:30 we shipped version 10.4.1.')).toEqual({});
  });

  it('looks only for the types asked for', () => {
    expect(countPii('jane@example.com from 192.168.1.20', ['ip-address'])).toEqual({ 'ip-address': 1 });
  });
});
