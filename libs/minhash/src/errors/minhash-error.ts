/** Stable codes, because `instanceof` does not survive a process boundary. */
export type MinHashErrorCode = 'INVALID_OPTION' | 'SIGNATURE_MISMATCH';

/** Bad options or incompatible signatures given to the MinHash / LSH / dedup code. */
export class MinHashError extends Error {
  override readonly name = 'MinHashError';

  constructor(
    readonly code: MinHashErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Throws INVALID_OPTION unless `value` is an integer in [min, max]. */
export function assertIntegerInRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new MinHashError('INVALID_OPTION', `${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** Throws INVALID_OPTION unless `value` is a number in [min, max]. */
export function assertNumberInRange(name: string, value: number, min: number, max: number): void {
  if (!(value >= min && value <= max)) {
    throw new MinHashError('INVALID_OPTION', `${name} must be in [${min}, ${max}], got ${value}`);
  }
}
