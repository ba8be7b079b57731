/**
 * A shipped set of probe items. `version` goes up whenever items are added, removed or reworded, since
 * scores from different versions are not comparable; it is reported in every outcome's details.
 */
export interface ProbeSet<TItem extends { id: string }> {
  version: number;
  items: readonly TItem[];
}
