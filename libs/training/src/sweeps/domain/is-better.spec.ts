import { isBetter } from './is-better';

describe('isBetter', () => {
  it('follows the direction and is strict', () => {
    expect(isBetter(1, 2, 'minimize')).toBe(true);
    expect(isBetter(2, 1, 'maximize')).toBe(true);
    expect(isBetter(1, 1, 'minimize')).toBe(false);
    expect(isBetter(1, 1, 'maximize')).toBe(false);
  });
});
