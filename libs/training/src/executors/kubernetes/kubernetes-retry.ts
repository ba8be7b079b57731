import { isNotFound, KubernetesApiError } from './kubernetes-api.error';
import type { KubernetesJobsClient } from './kubernetes-jobs.client';

/** Runs `call`, retrying transient API failures (unreachable, 429, 5xx) twice with a short backoff. */
export async function retrying<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const transient = error instanceof KubernetesApiError && error.transient;
      if (!transient || attempt >= 3 || signal?.aborted === true) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
}

/**
 * Deletes the Job with background propagation, so its pods and token Secret follow (batch/v1 would
 * orphan them by default). A Job already gone is fine; other failures are reported to `warn`.
 */
export async function deleteJobQuietly(
  client: KubernetesJobsClient,
  name: string,
  warn: (message: string) => void,
): Promise<void> {
  try {
    await retrying(() => client.deleteJob(name));
  } catch (error) {
    if (!isNotFound(error)) warn(`deleting Job ${name} failed: ${String(error)}`);
  }
}
