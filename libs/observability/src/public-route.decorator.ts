import { SetMetadata } from '@nestjs/common';

/**
 * Metadata key for routes that skip authentication. The auth lib's guard reads exactly this key (its own
 * `@Public()` sets it too), so infrastructure routes — health, metrics — can be public without the
 * infrastructure libs importing auth.
 */
export const PUBLIC_ROUTE_KEY = 'llmops:public';

/** Marks a controller or handler as public (no authentication). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE_KEY, true);
