import { HttpException } from '@nestjs/common';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthConfig } from '../auth.config';
import { JwtVerifier } from './jwt-verifier.service';

const ISSUER = 'https://idp.test/realms/llmops';
const AUDIENCE = 'llmops';

function config(overrides: Partial<AuthConfig>): AuthConfig {
  return { rolesClaim: 'roles', apiKeys: [], ...overrides };
}

interface SignOptions {
  alg?: string;
  kid?: string;
  issuer?: string;
  audience?: string;
  expiresAt?: number;
}

async function sign(
  key: KeyLike | Uint8Array,
  payload: JWTPayload,
  options: SignOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({
      alg: options.alg ?? 'RS256',
      ...(options.kid !== undefined && { kid: options.kid }),
    })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(options.expiresAt ?? now + 300)
    .sign(key);
}

/** The body of the HttpException a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpException) return { status: error.getStatus(), body: error.getResponse() };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('JwtVerifier', () => {
  describe('with a JWKS served over HTTP', () => {
    let server: Server;
    let jwksUrl: string;
    let rsaPrivate: KeyLike;
    let ecPrivate: KeyLike;
    let jwksRequests = 0;

    beforeAll(async () => {
      const rsa = await generateKeyPair('RS256');
      const ec = await generateKeyPair('ES256');
      rsaPrivate = rsa.privateKey;
      ecPrivate = ec.privateKey;
      const keys = [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ];
      server = createServer((_req, res) => {
        jwksRequests += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
      });
      await new Promise<void>((resolve) => {
        server.listen(0, '127.0.0.1', resolve);
      });
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });

    afterAll(async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    });

    const verifier = (): JwtVerifier =>
      new JwtVerifier(
        config({ jwksUrl, jwtIssuer: ISSUER, jwtAudience: [AUDIENCE], rolesClaim: 'realm_access.roles' }),
      );

    it('verifies RS256 and ES256 tokens and reads roles from a nested claim', async () => {
      const sut = verifier();
      const rs = await sign(
        rsaPrivate,
        { sub: 'u-1', name: 'Ada', realm_access: { roles: ['ml-engineer', 'uma_authorization'] } },
        { kid: 'rsa-1' },
      );
      const es = await sign(
        ecPrivate,
        { sub: 'u-2', preferred_username: 'bob', realm_access: { roles: ['viewer'] } },
        { alg: 'ES256', kid: 'ec-1' },
      );

      await expect(sut.verify(rs)).resolves.toEqual({
        subject: 'u-1',
        kind: 'user',
        roles: ['ml-engineer'],
        name: 'Ada',
      });
      await expect(sut.verify(es)).resolves.toEqual({
        subject: 'u-2',
        kind: 'user',
        roles: ['viewer'],
        name: 'bob',
      });
      expect(jwksRequests).toBeGreaterThanOrEqual(1);
    });

    it('marks principals with the service role as services', async () => {
      const token = await sign(
        rsaPrivate,
        { sub: 'svc-training', realm_access: { roles: ['service'] } },
        { kid: 'rsa-1' },
      );
      await expect(verifier().verify(token)).resolves.toMatchObject({ kind: 'service', roles: ['service'] });
    });

    it('rejects an expired token', async () => {
      const token = await sign(
        rsaPrivate,
        { sub: 'u-1' },
        { kid: 'rsa-1', expiresAt: Math.floor(Date.now() / 1000) - 60 },
      );
      await expect(rejection(verifier().verify(token))).resolves.toEqual({
        status: 401,
        body: { code: 'AUTH_UNAUTHENTICATED', detail: 'token expired' },
      });
    });

    it('rejects a wrong issuer and a wrong audience', async () => {
      const foreignIssuer = await sign(
        rsaPrivate,
        { sub: 'u-1' },
        { kid: 'rsa-1', issuer: 'https://evil.test' },
      );
      const foreignAudience = await sign(rsaPrivate, { sub: 'u-1' }, { kid: 'rsa-1', audience: 'other-app' });
      await expect(rejection(verifier().verify(foreignIssuer))).resolves.toMatchObject({
        status: 401,
        body: { code: 'AUTH_UNAUTHENTICATED', detail: expect.stringContaining('"iss"') as unknown },
      });
      await expect(rejection(verifier().verify(foreignAudience))).resolves.toMatchObject({
        status: 401,
        body: { detail: expect.stringContaining('"aud"') as unknown },
      });
    });

    it('rejects a token signed by a key outside the set', async () => {
      const stranger = await generateKeyPair('RS256');
      const token = await sign(stranger.privateKey, { sub: 'u-1' }, { kid: 'rsa-1' });
      await expect(rejection(verifier().verify(token))).resolves.toMatchObject({ status: 401 });
      const unknownKid = await sign(stranger.privateKey, { sub: 'u-1' }, { kid: 'rsa-9' });
      await expect(rejection(verifier().verify(unknownKid))).resolves.toMatchObject({
        status: 401,
        body: { detail: 'token signed with an unknown key' },
      });
    });

    it('rejects a token without a subject and garbage', async () => {
      const token = await sign(rsaPrivate, { realm_access: { roles: ['admin'] } }, { kid: 'rsa-1' });
      await expect(rejection(verifier().verify(token))).resolves.toMatchObject({ status: 401 });
      await expect(rejection(verifier().verify('not.a.jwt'))).resolves.toMatchObject({ status: 401 });
    });

    it('answers 503 when the JWKS cannot be fetched', async () => {
      const down = new JwtVerifier(config({ jwksUrl: 'http://127.0.0.1:1/jwks' }));
      const token = await sign(rsaPrivate, { sub: 'u-1' }, { kid: 'rsa-1' });
      await expect(rejection(down.verify(token))).resolves.toEqual({
        status: 503,
        body: { code: 'AUTH_JWKS_UNAVAILABLE', detail: expect.any(String) as unknown },
      });
    });
  });

  describe('with a static PEM key', () => {
    it.each(['RS256', 'ES256', 'EdDSA'])('accepts %s tokens for a key of that type', async (alg) => {
      const { publicKey, privateKey } = await generateKeyPair(alg);
      const sut = new JwtVerifier(config({ jwtPublicKey: await exportSPKI(publicKey), jwtIssuer: ISSUER }));
      const token = await sign(privateKey, { sub: 'u-1', roles: ['approver', 'wizard'] }, { alg });
      await expect(sut.verify(token)).resolves.toEqual({ subject: 'u-1', kind: 'user', roles: ['approver'] });
    });

    it('rejects an algorithm the key does not imply (HS256 keyed with the public PEM)', async () => {
      const { publicKey } = await generateKeyPair('RS256');
      const pem = await exportSPKI(publicKey);
      const sut = new JwtVerifier(config({ jwtPublicKey: pem }));
      const forged = await sign(
        new TextEncoder().encode(pem),
        { sub: 'attacker', roles: ['admin'] },
        { alg: 'HS256' },
      );
      await expect(rejection(sut.verify(forged))).resolves.toMatchObject({ status: 401 });
    });

    it('skips issuer and audience checks that are not configured', async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const sut = new JwtVerifier(config({ jwtPublicKey: await exportSPKI(publicKey) }));
      const token = await sign(
        privateKey,
        { sub: 'u-1' },
        { alg: 'ES256', issuer: 'anyone', audience: 'anything' },
      );
      await expect(sut.verify(token)).resolves.toMatchObject({ subject: 'u-1', roles: [] });
    });
  });

  it('rejects every JWT when no JWT source is configured', async () => {
    const sut = new JwtVerifier(config({}));
    expect(sut.enabled).toBe(false);
    await expect(rejection(sut.verify('a.b.c'))).resolves.toMatchObject({ status: 401 });
  });
});
