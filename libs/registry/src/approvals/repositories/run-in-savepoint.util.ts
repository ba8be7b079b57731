import type { TransactionHost } from '@llmops/persistence';

/**
 * Runs `work` inside a savepoint of the open transaction: if it throws, its writes are undone and the
 * transaction stays usable, so the caller can record the refusal and commit the rest.
 */
export async function runInSavepoint<T>(
  tx: TransactionHost,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
