/** A uniform sample of at most `size` items from a stream of unknown length (Vitter's algorithm R). */
export class RejectReservoir<T> {
  private readonly items: T[] = [];
  private seen = 0;

  constructor(
    private readonly size: number,
    private readonly random: () => number,
  ) {}

  /** Offers the next item; `make` only runs when the item is taken, so skipped items cost nothing. */
  offer(make: () => T): void {
    this.seen++;
    if (this.items.length < this.size) {
      this.items.push(make());
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.size) this.items[slot] = make();
  }

  samples(): T[] {
    return [...this.items];
  }
}
