import { Injectable } from '@nestjs/common';
import { ObjectStore } from './object-store';

export interface StorageHealth {
  ok: boolean;
  detail?: string;
}

/** Backs `/health/ready`: the store is ready when `ping()` answers within the timeout. */
@Injectable()
export class StorageHealthIndicator {
  constructor(private readonly store: ObjectStore) {}

  /**
   * Never rejects: a probe needs an answer, not an exception. The timeout matters because an
   * unreachable S3 endpoint can hold a TCP connect far longer than a probe's deadline.
   */
  async check(timeoutMs = 3000): Promise<StorageHealth> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<StorageHealth>((resolve) => {
      timer = setTimeout(() => {
        resolve({ ok: false, detail: `${this.store.driver} store did not answer within ${timeoutMs} ms` });
      }, timeoutMs);
    });
    const probe = this.store.ping().then(
      (): StorageHealth => ({ ok: true }),
      (error: unknown): StorageHealth => ({
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      }),
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
