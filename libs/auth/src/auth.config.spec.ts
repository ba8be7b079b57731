import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from '@llmops/config';
import { parseAuthConfig } from './auth.config';

const HASH = `sha256:${'ab'.repeat(32)}`;

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseAuthConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.issues.map((issue) => `${issue.variable}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('parseAuthConfig', () => {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('parses a JWKS setup with issuer, audience list and nested roles claim', () => {
    const config = parseAuthConfig({
      AUTH_JWKS_URL: 'https://idp.example.com/realms/llmops/protocol/openid-connect/certs',
      AUTH_JWT_ISSUER: 'https://idp.example.com/realms/llmops',
      AUTH_JWT_AUDIENCE: 'llmops, llmops-console',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(config).toEqual({
      jwksUrl: 'https://idp.example.com/realms/llmops/protocol/openid-connect/certs',
      jwtIssuer: 'https://idp.example.com/realms/llmops',
      jwtAudience: ['llmops', 'llmops-console'],
      rolesClaim: 'realm_access.roles',
      apiKeys: [],
    });
  });

  it('accepts a static PEM with escaped newlines and defaults the roles claim', () => {
    const config = parseAuthConfig({ AUTH_JWT_PUBLIC_KEY: pem.replace(/\n/g, '\\n') });
    expect(config.jwtPublicKey).toBe(pem.trim());
    expect(config.rolesClaim).toBe('roles');
  });

  it('parses API key hashes from AUTH_API_KEYS and keeps the file path', () => {
    const config = parseAuthConfig({
      AUTH_API_KEYS: JSON.stringify([
        { name: 'ci', hash: HASH.toUpperCase().replace('SHA256', 'sha256'), roles: ['service'] },
      ]),
      AUTH_API_KEYS_FILE: '/var/lib/llmops/api-keys.json',
    });
    expect(config.apiKeys).toEqual([{ name: 'ci', hash: HASH, roles: ['service'] }]);
    expect(config.apiKeysFile).toBe('/var/lib/llmops/api-keys.json');
  });

  it('treats empty variables as unset', () => {
    expect(problemsOf({ AUTH_JWKS_URL: '', AUTH_API_KEYS: '' })).toEqual([
      expect.stringMatching(/^AUTH_JWKS_URL: no credential source/),
    ]);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      AUTH_JWKS_URL: 'ftp://idp',
      AUTH_JWT_PUBLIC_KEY: 'not a key',
      AUTH_ROLES_CLAIM: 'realm_access..roles',
      AUTH_API_KEYS: JSON.stringify([{ name: 'x', hash: 'md5:abc', roles: ['root'] }]),
    });
    expect(problems).toEqual([
      'AUTH_JWKS_URL: must be an http(s) URL',
      expect.stringMatching(/^AUTH_JWT_PUBLIC_KEY: must be a PEM-encoded public key/),
      expect.stringMatching(/^AUTH_ROLES_CLAIM: must be a claim name or a dotted path/),
      expect.stringMatching(/^AUTH_API_KEYS\[0\]\.hash: hash must be "sha256:"/),
      expect.stringMatching(/^AUTH_API_KEYS\[0\]\.roles\[0\]: /),
    ]);
  });

  it('rejects malformed JSON and duplicate key names', () => {
    expect(problemsOf({ AUTH_API_KEYS: '[{' })).toEqual([
      expect.stringMatching(/^AUTH_API_KEYS: not valid JSON/),
    ]);
    const dup = { name: 'ci', hash: HASH, roles: ['service'] };
    expect(problemsOf({ AUTH_API_KEYS: JSON.stringify([dup, dup]) })).toEqual([
      'AUTH_API_KEYS[1].name: duplicate key name "ci"',
    ]);
  });

  it('rejects a JWKS URL and a static key together', () => {
    expect(problemsOf({ AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks', AUTH_JWT_PUBLIC_KEY: pem })).toEqual([
      'AUTH_JWT_PUBLIC_KEY: set either AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY, not both',
    ]);
  });
});
