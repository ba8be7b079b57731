import type { DataSource } from 'typeorm';

/** Readiness probe: the database answers a trivial query within the timeout. */
export async function checkDatabase(
  dataSource: DataSource,
  timeoutMs = 2000,
): Promise<{ ok: boolean; detail?: string }> {
  if (!dataSource.isInitialized) return { ok: false, detail: 'not initialised' };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
