import { textRecord } from '../testing/step-test-records';
import { RecordWork } from './step-contract';
import { compileRedactPii, RedactPiiStepSchema } from './redact-pii.step';

function run(text: string, params: Record<string, unknown> = {}) {
  const step = compileRedactPii(RedactPiiStepSchema.parse({ type: 'redact-pii', ...params }));
  const work = new RecordWork(textRecord(text));
  const verdict = step.apply(work);
  return { text: work.text(), hits: work.annotations.piiHits, verdict };
}

const redacted = (text: string) => run(text).text;
const untouched = (text: string) => {
  expect(redacted(text)).toBe(text);
};

describe('redact-pii', () => {
  describe('email', () => {
    it('redacts addresses, keeping the punctuation around them', () => {
      expect(redacted('Write to jane.doe+news@mail.example.co.uk, or <ops@example.com>.')).toBe(
        'Write to [EMAIL], or <[EMAIL]>.',
      );
    });

    it('leaves handles, decorators and version pins alone', () => {
      untouched('Thanks @jane! Use @Injectable() and pin pkg@1.2.3 for now.');
    });
  });

  describe('phone', () => {
    it('redacts international numbers', () => {
      expect(redacted('Call +44 20 7946 0958 or +1-202-555-0173, WhatsApp +4915123456789.')).toBe(
        'Call [PHONE] or [PHONE], WhatsApp [PHONE].',
      );
    });

    it('redacts North American and national formats', () => {
      expect(
        redacted('Office: (202) 555-0173, cell 202.555.0199, London 020 7946 0958, Paris 01 23 45 67 89.'),
      ).toBe('Office: [PHONE], cell [PHONE], London [PHONE], Paris [PHONE].');
    });

    it('does not take dates, years, times, prices or plain numbers for phones', () => {
      untouched(
        'On 2023-01-15 and 15/01/2023 (or 05.12.2023) at 10:30, sales rose from 1999 to 2024 by 1234567 units.',
      );
      untouched('Version 10.4.1 costs $1,299.99; order 0.5 kg; ISBN 978-3-16-148410-0; call ext. 4567.');
    });
  });

  describe('credit-card', () => {
    it('redacts Luhn-valid card numbers with or without separators', () => {
      expect(redacted('Card 4111 1111 1111 1111 12/27, Amex 3782-822463-10005, MC 5555555555554444.')).toBe(
        'Card [CREDIT_CARD] 12/27, Amex [CREDIT_CARD], MC [CREDIT_CARD].',
      );
    });

    it('leaves Luhn-invalid numbers and long ids without an issuer prefix alone', () => {
      untouched('Order 4111 1111 1111 1112 shipped; tracking 1234567890123456.');
    });
  });

  describe('iban', () => {
    it('redacts IBANs whose mod-97 check passes, grouped or compact', () => {
      expect(redacted('Pay to DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432 today.')).toBe(
        'Pay to [IBAN] or [IBAN] today.',
      );
    });

    it('leaves IBAN-shaped strings with a wrong checksum alone', () => {
      untouched('Reference DE89 3704 0044 0532 0130 01 is not an account.');
    });
  });

  describe('ip-address', () => {
    it('redacts IPv4 and IPv6 addresses', () => {
      expect(
        redacted('Blocked 192.168.1.20 and 2001:db8:85a3::8a2e:370:7334, also fe80::1 and ::ffff:10.0.0.1.'),
      ).toBe('Blocked [IP_ADDRESS] and [IP_ADDRESS], also [IP_ADDRESS] and [IP_ADDRESS].');
    });

    it('leaves times, MAC addresses, out-of-range octets and C++ scopes alone', () => {
      untouched('At 12:30:45 the card 00:1A:2B:3C:4D:5E saw 999.1.1.1 and std::vector<int>.');
    });
  });

  describe('secret', () => {
    it('redacts cloud, GitHub and Slack tokens', () => {
      expect(
        redacted(
          'AWS AKIAIOSFODNN7EXAMPLE, GitHub ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789, Slack xoxb-1234567890-abcdefghij.',
        ),
      ).toBe('AWS [SECRET], GitHub [SECRET], Slack [SECRET].');
    });

    it('redacts private key blocks and JWTs', () => {
      const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc==\n-----END RSA PRIVATE KEY-----';
      const jwt =
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
      expect(redacted(`key:\n${key}\ntoken ${jwt} end`)).toBe('key:\n[SECRET]\ntoken [SECRET] end');
    });

    it('redacts the value of api_key=, password: and Bearer headers, keeping the key', () => {
      expect(
        redacted(
          'api_key=sk_live_51Habcdef12345 and "password": "hunter2hunter2" with Authorization: Bearer abcdef0123456789abcdef',
        ),
      ).toBe('api_key=[SECRET] and "password": "[SECRET]" with Authorization: Bearer [SECRET]');
    });

    it('leaves prose, placeholders and short values alone', () => {
      untouched('The password: must be long. Set api_key=YOUR_API_KEY or token=******** in the config.');
    });
  });

  it('counts hits by type', () => {
    const { hits } = run('a@example.com b@example.com +44 20 7946 0958 192.168.0.1');
    expect(hits).toEqual({ email: 2, phone: 1, 'ip-address': 1 });
  });

  it('only looks for the selected types, with custom replacements', () => {
    const { text, hits } = run('mail a@example.com from 10.0.0.1', {
      types: ['email'],
      replacements: { email: '<email>' },
    });
    expect(text).toBe('mail <email> from 10.0.0.1');
    expect(hits).toEqual({ email: 1 });
  });

  it('drops records with PII when the action is drop, previewing them redacted', () => {
    const { verdict, text } = run('Reach me at a@example.com', { action: 'drop' });
    expect(verdict).toMatchObject({ reason: 'pii:email', detail: 'email ×1' });
    expect(verdict?.preview?.()).toBe('Reach me at [EMAIL]');
    expect(text).toBe('Reach me at a@example.com');
  });

  it('keeps clean records untouched and unannotated', () => {
    const { verdict, hits } = run('Nothing personal here, just 3 apples and 2 pears.', { action: 'drop' });
    expect(verdict).toBeUndefined();
    expect(hits).toBeUndefined();
  });

  it('redacts every field of a prompt-completion record', () => {
    const step = compileRedactPii(RedactPiiStepSchema.parse({ type: 'redact-pii' }));
    const work = new RecordWork({
      ...textRecord(''),
      content: {
        kind: 'prompt-completion',
        prompt: 'Email a@example.com?',
        completion: 'Sent to b@example.com.',
      },
    });
    step.apply(work);
    expect(work.content).toEqual({
      kind: 'prompt-completion',
      prompt: 'Email [EMAIL]?',
      completion: 'Sent to [EMAIL].',
    });
    expect(work.annotations.piiHits).toEqual({ email: 2 });
  });

  it('rejects unknown types', () => {
    const result = RedactPiiStepSchema.safeParse({ type: 'redact-pii', types: ['ssn'] });
    expect(result.success).toBe(false);
  });
});
