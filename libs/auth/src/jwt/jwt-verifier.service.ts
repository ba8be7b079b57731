import { Inject, Injectable } from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { jwksUnavailable, unauthenticated } from '../auth.exceptions';
import type { Principal } from '../domain/principal';
import { extractRoles } from './extract-roles.util';

/** Thrown by the JWKS key lookup when the key set itself could not be obtained. */
class JwksUnavailableError extends Error {}

const KEY_TYPE_ALGORITHMS: Readonly<Record<string, readonly string[]>> = {
  rsa: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  'rsa-pss': ['PS256', 'PS384', 'PS512'],
  ed25519: ['EdDSA'],
  ed448: ['EdDSA'],
};

const EC_CURVE_ALGORITHMS: Readonly<Record<string, string>> = {
  prime256v1: 'ES256',
  secp384r1: 'ES384',
  secp521r1: 'ES512',
};

/** The JWS algorithms a static public key can verify; pinning them rules out algorithm confusion. */
export function algorithmsForKey(key: KeyObject): string[] {
  const type = key.asymmetricKeyType ?? '(unknown)';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve ?? '(unknown)';
    const algorithm = EC_CURVE_ALGORITHMS[curve];
    if (algorithm === undefined) throw new Error(`unsupported EC curve ${curve} for JWT verification`);
    return [algorithm];
  }
  const algorithms = KEY_TYPE_ALGORITHMS[type];
  if (algorithms === undefined) throw new Error(`unsupported public key type ${type} for JWT verification`);
  return [...algorithms];
}

/** Wraps the remote key set so "cannot fetch the keys" is told apart from "token signed by an unknown key". */
function remoteKeySet(url: string): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(new URL(url));
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      const callersFault =
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSEAlgNotAllowed ||
        error instanceof errors.JOSENotSupported;
      if (callersFault) throw error;
      throw new JwksUnavailableError((error as Error).message, { cause: error });
    }
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `token claim "${error.claim}" is invalid (${error.reason})`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'token signed with an unknown key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token signed with an algorithm that is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  return 'token is malformed or cannot be verified';
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Verifies bearer JWTs from an OIDC provider (JWKS) or against a static public key. */
@Injectable()
export class JwtVerifier {
  private readonly key: JWTVerifyGetKey | KeyLike | null;
  private readonly algorithms: string[] | undefined;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    if (config.jwksUrl !== undefined) {
      this.key = remoteKeySet(config.jwksUrl);
    } else if (config.jwtPublicKey !== undefined) {
      const publicKey = createPublicKey(config.jwtPublicKey);
      this.key = publicKey;
      this.algorithms = algorithmsForKey(publicKey);
    } else {
      this.key = null;
    }
  }

  /** Whether bearer JWTs are accepted at all. */
  get enabled(): boolean {
    return this.key !== null;
  }

  /**
   * The principal of a valid token.
   * @throws UnauthorizedException (AUTH_UNAUTHENTICATED) for a bad, expired or foreign token;
   *   ServiceUnavailableException (AUTH_JWKS_UNAVAILABLE) when the JWKS cannot be fetched.
   */
  async verify(token: string): Promise<Principal> {
    const payload = await this.verifyPayload(token);
    const subject = optionalString(payload.sub);
    if (subject === undefined) throw unauthenticated('token has no subject ("sub" claim)');
    const roles = extractRoles(payload, this.config.rolesClaim);
    const name =
      optionalString(payload['name']) ??
      optionalString(payload['preferred_username']) ??
      optionalString(payload['email']);
    return {
      subject,
      kind: roles.includes('service') ? 'service' : 'user',
      roles,
      ...(name !== undefined && { name }),
    };
  }

  private async verifyPayload(token: string): Promise<JWTPayload> {
    const key = this.key;
    if (key === null) {
      throw unauthenticated(
        'bearer JWTs are not accepted here (no AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY configured)',
      );
    }
    const audience = this.config.jwtAudience;
    const options = {
      ...(this.algorithms !== undefined && { algorithms: this.algorithms }),
      ...(this.config.jwtIssuer !== undefined && { issuer: this.config.jwtIssuer }),
      ...(audience !== undefined && audience.length > 0 && { audience }),
    };
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      return payload;
    } catch (error) {
      if (error instanceof JwksUnavailableError) throw jwksUnavailable();
      throw unauthenticated(describeFailure(error));
    }
  }
}
