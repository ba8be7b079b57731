// Duck-typed rather than `instanceof`: errors from Node internals (undici, sockets) come from another
// realm than the caller's under jest's module sandbox, and libraries do not always throw `Error`s.

/** The `code` of a Node or library error (`ECONNREFUSED`, `NotFoundError`, a SQLSTATE). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function errorMessage(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  return String(error);
}
