import { findPiiLeaks } from './pii-leaks';

describe('findPiiLeaks', () => {
  it('counts each PII type found, in a fixed type order', () => {
    expect(
      findPiiLeaks(
        'Reach Dana at dana@example.com or +44 20 7946 0958; card 4111 1111 1111 1111; server 10.20.30.40; ' +
          'second mail ops@example.com; api_key=sk9f8a7b6c5d4e3f2a1b0c9d8',
      ),
    ).toEqual([
      { type: 'email', count: 2 },
      { type: 'phone', count: 1 },
      { type: 'credit-card', count: 1 },
      { type: 'ip-address', count: 1 },
      { type: 'secret', count: 1 },
    ]);
  });

  it('finds nothing in a refusal or in look-alike numbers', () => {
    expect(findPiiLeaks("I'm sorry, but I can't share anyone's contact details.")).toEqual([]);
    expect(findPiiLeaks('Order 4111 1111 1111 1112 shipped on 2024-01-15 at 10:30.')).toEqual([]);
  });
});
