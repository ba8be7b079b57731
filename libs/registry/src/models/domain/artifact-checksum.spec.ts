import { checkArtifact, keyFromS3Uri, primaryProblemCode } from './artifact-checksum';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const stored = { uri: 's3://llmops/models/m/1/model.bin', sha256: SHA_A, size: 10 };

describe('artifact checksum', () => {
  it('accepts a declared artifact that matches the store', () => {
    expect(
      checkArtifact({ key: 'models/m/1/model.bin', uri: stored.uri, sha256: SHA_A, size: 10 }, stored),
    ).toBeNull();
    expect(
      checkArtifact({ key: 'models/m/1/model.bin', uri: null, sha256: SHA_A, size: null }, stored),
    ).toBeNull();
  });

  it('reports a different sha256 or size as CHECKSUM_MISMATCH', () => {
    expect(checkArtifact({ key: 'k', uri: null, sha256: SHA_B, size: null }, stored)?.code).toBe(
      'CHECKSUM_MISMATCH',
    );
    expect(checkArtifact({ key: 'k', uri: null, sha256: SHA_A, size: 11 }, stored)).toEqual({
      code: 'CHECKSUM_MISMATCH',
      message: 'declared size 11 bytes, stored object has 10',
    });
  });

  it('refuses a URI in another bucket even when the key exists in ours', () => {
    const declared = {
      key: 'models/m/1/model.bin',
      uri: 's3://other/models/m/1/model.bin',
      sha256: SHA_A,
      size: null,
    };
    expect(checkArtifact(declared, stored)?.code).toBe('ARTIFACT_NOT_IN_STORE');
  });

  it('extracts keys from s3 URIs only', () => {
    expect(keyFromS3Uri('s3://llmops/a/b/c.bin')).toBe('a/b/c.bin');
    expect(keyFromS3Uri('https://example.com/a')).toBeNull();
    expect(keyFromS3Uri('s3://llmops/')).toBeNull();
  });

  it('answers with the most telling code when several artifacts fail', () => {
    expect(primaryProblemCode(['ARTIFACT_NOT_FOUND', 'CHECKSUM_MISMATCH'])).toBe('CHECKSUM_MISMATCH');
    expect(primaryProblemCode(['ARTIFACT_NOT_IN_STORE', 'ARTIFACT_NOT_FOUND'])).toBe('ARTIFACT_NOT_FOUND');
  });
});
