/** What a caller declared about one artifact. */
export interface DeclaredArtifact {
  /** Key in the platform's object store. */
  key: string;
  /** The URI the caller gave, if they gave one (instead of a key). */
  uri: string | null;
  sha256: string;
  size: number | null;
}

/** What the object store recorded for the key. */
export interface StoredDigest {
  uri: string;
  sha256: string;
  size: number;
}

export type ArtifactProblem =
  { code: 'CHECKSUM_MISMATCH'; message: string } | { code: 'ARTIFACT_NOT_IN_STORE'; message: string };

/** Compares a declared artifact with the store's record; null when they agree. Pure. */
export function checkArtifact(declared: DeclaredArtifact, stored: StoredDigest): ArtifactProblem | null {
  if (declared.uri !== null && declared.uri !== stored.uri) {
    return {
      code: 'ARTIFACT_NOT_IN_STORE',
      message: `${declared.uri} is not in the platform's object store (its key resolves to ${stored.uri})`,
    };
  }
  if (declared.sha256 !== stored.sha256) {
    return {
      code: 'CHECKSUM_MISMATCH',
      message: `declared sha256 ${declared.sha256}, stored object has ${stored.sha256}`,
    };
  }
  if (declared.size !== null && declared.size !== stored.size) {
    return {
      code: 'CHECKSUM_MISMATCH',
      message: `declared size ${declared.size} bytes, stored object has ${stored.size}`,
    };
  }
  return null;
}

/** `s3://<bucket>/<key>` → `<key>`; null for anything else. */
export function keyFromS3Uri(uri: string): string | null {
  const match = /^s3:\/\/[^/]+\/(.+)$/.exec(uri);
  return match?.[1] ?? null;
}

/** Which code a failed verification answers with: a mismatch outranks a missing object. */
export function primaryProblemCode(codes: readonly string[]): string {
  for (const code of ['CHECKSUM_MISMATCH', 'ARTIFACT_NOT_FOUND', 'ARTIFACT_NOT_IN_STORE']) {
    if (codes.includes(code)) return code;
  }
  return codes[0] ?? 'ARTIFACT_INVALID';
}
