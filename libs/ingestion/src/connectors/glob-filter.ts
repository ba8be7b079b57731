import picomatch from 'picomatch';

/** A path matcher: kept when some `include` glob matches and no `exclude` glob does. */
export function globFilter(
  include: readonly string[],
  exclude: readonly string[] = [],
): (path: string) => boolean {
  const included = picomatch([...include]);
  const excluded = exclude.length > 0 ? picomatch([...exclude]) : () => false;
  return (path) => included(path) && !excluded(path);
}
