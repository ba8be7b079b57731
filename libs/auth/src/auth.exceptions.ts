import {
  ForbiddenException,
  InternalServerErrorException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Role } from './domain/role';

/** Stable error codes of this lib; the HTTP exception filter turns them into problem+json. */
export const AUTH_ERROR_CODES = {
  unauthenticated: 'AUTH_UNAUTHENTICATED',
  forbidden: 'AUTH_FORBIDDEN',
  jwksUnavailable: 'AUTH_JWKS_UNAVAILABLE',
  auditFailed: 'AUTH_AUDIT_FAILED',
} as const;

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[keyof typeof AUTH_ERROR_CODES];

/** 401: no credentials, or credentials that do not verify. */
export function unauthenticated(detail: string): UnauthorizedException {
  return new UnauthorizedException({ code: AUTH_ERROR_CODES.unauthenticated, detail });
}

/** 403: authenticated, but none of the roles the route asks for. */
export function forbidden(required: readonly Role[]): ForbiddenException {
  return new ForbiddenException({
    code: AUTH_ERROR_CODES.forbidden,
    detail: `requires one of the roles: ${required.join(', ')}`,
    requiredRoles: [...required],
  });
}

/** 503: the identity provider's key set could not be fetched; not the caller's fault. */
export function jwksUnavailable(): ServiceUnavailableException {
  return new ServiceUnavailableException({
    code: AUTH_ERROR_CODES.jwksUnavailable,
    detail: 'the identity provider key set (JWKS) could not be fetched; retry later',
  });
}

/** 500: the change was applied but its mandatory audit record could not be written. */
export function auditFailed(): InternalServerErrorException {
  return new InternalServerErrorException({
    code: AUTH_ERROR_CODES.auditFailed,
    detail: 'the change was applied but its audit record could not be written',
  });
}
