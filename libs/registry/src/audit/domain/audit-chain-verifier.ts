import { GENESIS_HASH, hashAuditEntry, type AuditEntry } from './audit-entry';

/** Why the chain is broken at `firstBadSeq`. */
export type AuditChainFault =
  /** The entry's stored hash is not the hash of its fields: the row was edited. */
  | 'HASH_MISMATCH'
  /** The entry does not point at the hash of the entry before it: that one was edited, replaced or removed. */
  | 'PREV_HASH_MISMATCH'
  /** Entries with these numbers are missing: deleted rows (in the middle or at the end). */
  | 'ENTRY_MISSING'
  /** The chain head (last seq and hash) does not match the last entry. */
  | 'HEAD_MISMATCH';

export interface AuditVerifyResult {
  ok: boolean;
  /** Entries whose hash and link were checked and found good (all of them when ok). */
  checked: number;
  /** The chain head the check ran up to: entries appended later are checked next time. */
  headSeq: number;
  headHash: string;
  /** The first entry that is not what the chain says it should be. */
  firstBadSeq?: number;
  reason?: AuditChainFault;
  detail?: string;
}

/**
 * Walks the chain in seq order, batch after batch, keeping only the last good entry in memory; stops at
 * the first fault. Pure: the service feeds it rows and asks for the result.
 */
export class AuditChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private fault?: { seq: number; reason: AuditChainFault; detail: string };

  constructor(private readonly head: { seq: number; hash: string }) {}

  get failed(): boolean {
    return this.fault !== undefined;
  }

  /** Checks the next rows (ascending seq); returns false once a fault is found. */
  feed(entries: readonly AuditEntry[]): boolean {
    for (const entry of entries) {
      if (this.fault) return false;
      this.check(entry);
    }
    return this.fault === undefined;
  }

  private check(entry: AuditEntry): void {
    if (entry.seq !== this.expectedSeq) {
      const last = entry.seq - 1;
      this.fail(
        this.expectedSeq,
        'ENTRY_MISSING',
        last === this.expectedSeq
          ? `entry ${this.expectedSeq} is missing`
          : `entries ${this.expectedSeq}..${last} are missing`,
      );
      return;
    }
    if (entry.prevHash !== this.prevHash) {
      this.fail(
        entry.seq,
        'PREV_HASH_MISMATCH',
        `entry ${entry.seq} does not link to the hash of entry ${entry.seq - 1}: one of them was altered`,
      );
      return;
    }
    if (hashAuditEntry(entry) !== entry.hash) {
      this.fail(entry.seq, 'HASH_MISMATCH', `entry ${entry.seq} does not match its hash: it was altered`);
      return;
    }
    this.prevHash = entry.hash;
    this.expectedSeq += 1;
    this.checked += 1;
  }

  /** Call after the last batch: checks that the walk reached the head. */
  result(): AuditVerifyResult {
    if (!this.fault) {
      const lastSeq = this.expectedSeq - 1;
      if (lastSeq < this.head.seq) {
        this.fail(
          this.expectedSeq,
          'ENTRY_MISSING',
          `the chain head is at ${this.head.seq} but the log ends at ${lastSeq}: entries were deleted`,
        );
      } else if (this.prevHash !== this.head.hash) {
        this.fail(
          lastSeq,
          'HEAD_MISMATCH',
          `the chain head records another hash for entry ${lastSeq} than the log holds`,
        );
      }
    }
    const base = { checked: this.checked, headSeq: this.head.seq, headHash: this.head.hash };
    return this.fault
      ? {
          ok: false,
          ...base,
          firstBadSeq: this.fault.seq,
          reason: this.fault.reason,
          detail: this.fault.detail,
        }
      : { ok: true, ...base };
  }

  private fail(seq: number, reason: AuditChainFault, detail: string): void {
    this.fault = { seq, reason, detail };
  }
}
