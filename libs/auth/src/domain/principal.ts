import type { Role } from './role';

/** Who is calling, as established by the auth guard. */
export interface Principal {
  /** Stable id: the JWT `sub`, or `api-key:<name>` for API keys. */
  subject: string;
  /** Which credential authenticated the caller; JWTs carrying the `service` role are `service`. */
  kind: 'user' | 'api-key' | 'service';
  /** Known roles only; unknown roles in a token are dropped. */
  roles: Role[];
  /** Display name: the API key's name, or the token's `name` / `preferred_username` / `email`. */
  name?: string;
}
