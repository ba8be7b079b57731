/** A record id and a length. */
export interface IdValue {
  id: string;
  value: number;
}

/**
 * The `size` longest and `size` shortest records seen, with their ids, in bounded memory. Which of them are
 * outliers can only be decided once the whole distribution is known, so candidates are kept until then.
 */
export class LengthExtremes {
  private readonly longest: IdValue[] = [];
  private readonly shortest: IdValue[] = [];

  constructor(private readonly size: number) {}

  add(id: string, value: number): void {
    keep(this.longest, { id, value }, this.size, (a, b) => b.value - a.value);
    keep(this.shortest, { id, value }, this.size, (a, b) => a.value - b.value);
  }

  /** Longest first. */
  get long(): readonly IdValue[] {
    return this.longest;
  }

  /** Shortest first. */
  get short(): readonly IdValue[] {
    return this.shortest;
  }
}

/** Insert into a list kept sorted by `order` and cut at `size`; cheap once full (one comparison mostly). */
function keep(list: IdValue[], item: IdValue, size: number, order: (a: IdValue, b: IdValue) => number): void {
  const last = list[list.length - 1];
  if (list.length >= size && last !== undefined && order(item, last) >= 0) return;
  let index = list.length;
  while (index > 0 && order(item, list[index - 1] as IdValue) < 0) index--;
  list.splice(index, 0, item);
  if (list.length > size) list.pop();
}
