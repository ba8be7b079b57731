/**
 * Runs `task` over `items` with at most `limit` calls in flight, results in input order.
 *
 * Fails fast: the first rejection (or an abort, with `signal.reason`) rejects the whole call at once and
 * nothing new starts. Calls already in flight are left to finish on their own — the tasks own their
 * cancellation — and their later results or errors are ignored.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  // Settles with an outcome rather than rejecting, so the original error is rethrown untouched below.
  const outcome = await new Promise<{ ok: true; results: R[] } | { ok: false; error: unknown }>((resolve) => {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    let active = 0;
    let settled = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      resolve({ ok: false, error });
    };
    const onAbort = () => {
      fail(signal?.reason);
    };
    const launch = () => {
      if (settled) return;
      if (next === items.length && active === 0) {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve({ ok: true, results });
        return;
      }
      while (active < limit && next < items.length) {
        const index = next++;
        active++;
        // Through a promise, so a task that throws synchronously fails the same way as one that rejects.
        Promise.resolve(index)
          .then((i) => task(items[i] as T, i))
          .then(
            (value) => {
              results[index] = value;
              active--;
              launch();
            },
            (error: unknown) => {
              active--;
              fail(error);
            },
          );
      }
    };

    if (signal?.aborted === true) {
      fail(signal.reason);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    launch();
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.results;
}
