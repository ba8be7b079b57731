import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';

/** Larger files are not hashed: identity is worth a read, not gigabytes of one. */
const MAX_HASHED_BYTES = 256 * 1024 * 1024;

/**
 * sha256 of the script a command runs: the last absolute path in the service-approved argv that is a
 * regular file (`/opt/trainer/train.py` in `python3 /opt/trainer/train.py`, or the program itself when it
 * is given by path). Null when there is none, e.g. a program found on PATH with no script argument.
 */
export async function scriptSha256Of(argv: readonly string[]): Promise<string | null> {
  for (const candidate of [...argv].reverse()) {
    if (!isAbsolute(candidate)) continue;
    const info = await stat(candidate).catch(() => null);
    if (!info?.isFile() || info.size > MAX_HASHED_BYTES) continue;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(candidate)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }
  return null;
}

/** The lineage's `trainer`: `<command>@<version>` when the trainer named its version, plus `sha256:<hex>` of its script. */
export function trainerIdentity(
  commandName: string,
  version: string | null,
  scriptSha256: string | null,
): string {
  const named = version === null ? commandName : `${commandName}@${version}`;
  return scriptSha256 === null ? named : `${named} sha256:${scriptSha256}`;
}
