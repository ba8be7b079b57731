import { mix32, PairCountTable } from './pair-count-table';

describe('PairCountTable', () => {
  it('counts keys and remembers where each was first seen', () => {
    const table = new PairCountTable();
    table.reset(4);
    const a = table.add(mix32(1), 10, 0);
    table.add(mix32(2), 20, 1);
    expect(table.add(mix32(1), 10, 2)).toBe(a);
    expect(table.count(a)).toBe(2);
    expect(table.first(a)).toBe(0);
  });

  it('tells keys apart when only the second half differs', () => {
    const table = new PairCountTable();
    table.reset(2);
    const x = table.add(7, 1, 0);
    const y = table.add(7, 2, 1);
    expect(x).not.toBe(y);
    expect(table.count(x)).toBe(1);
  });

  it('forgets everything on reset, marks included', () => {
    const table = new PairCountTable();
    table.reset(2);
    const slot = table.add(5, 5, 0);
    expect(table.mark(slot)).toBe(false);
    expect(table.mark(slot)).toBe(true);
    table.reset(2);
    const again = table.add(5, 5, 3);
    expect(table.count(again)).toBe(1);
    expect(table.first(again)).toBe(3);
    expect(table.mark(again)).toBe(false);
  });

  it('grows past its reset size without losing counts or marks', () => {
    const table = new PairCountTable();
    table.reset(1);
    const slots = new Map<number, number>();
    for (let i = 0; i < 1000; i++) slots.set(i, table.add(mix32(i), i, i));
    table.mark(table.add(mix32(3), 3, 2000));
    for (let i = 0; i < 1000; i++) {
      const slot = table.add(mix32(i), i, 5000);
      expect(table.count(slot)).toBe(i === 3 ? 3 : 2);
      expect(table.first(slot)).toBe(i);
    }
    expect(table.mark(table.add(mix32(3), 3, 0))).toBe(true);
  });
});
