/** True for PostgreSQL's unique_violation (23505), as TypeORM surfaces it over pg and over PGlite. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const direct = (error as { code?: unknown }).code;
  const driver = (error as { driverError?: { code?: unknown } }).driverError?.code;
  return direct === '23505' || driver === '23505';
}
