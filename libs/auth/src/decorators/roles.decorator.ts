import { SetMetadata } from '@nestjs/common';
import type { Role } from '../domain/role';

export const ROLES_KEY = 'llmops:auth:roles';

/**
 * The caller needs at least one of these roles (`admin` always passes). On a method it replaces the
 * controller's `@Roles`. Routes without `@Roles` accept any authenticated caller.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
