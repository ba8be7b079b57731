import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { getPrincipal } from '../auth-request.util';
import type { Principal } from '../domain/principal';

/** Injects the caller's {@link Principal}; undefined on `@Public()` routes. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    getPrincipal(context.switchToHttp().getRequest<object>()),
);
