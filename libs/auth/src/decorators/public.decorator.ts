import { PUBLIC_ROUTE_KEY, PublicRoute } from '@llmops/observability';

/**
 * Metadata key of routes that need no credentials. One key for the whole platform: health and metrics
 * (observability) mark themselves public with the same key the auth guard reads.
 */
export const IS_PUBLIC_KEY = PUBLIC_ROUTE_KEY;

/** Marks a route or controller as reachable without credentials (health, metrics, docs). */
export const Public = PublicRoute;
