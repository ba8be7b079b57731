/** `Text/CSV; charset=utf-8` → `text/csv`; undefined when the header is absent or malformed. */
export function mediaTypeOf(header: string | null | undefined): string | undefined {
  const essence = header?.split(';', 1)[0]?.trim().toLowerCase();
  return essence !== undefined && /^[^/\s]+\/[^/\s]+$/.test(essence) ? essence : undefined;
}

/** Whether `mediaType` is one of `allowed`, where `type/*` admits every subtype. */
export function isMediaTypeAllowed(mediaType: string, allowed: readonly string[]): boolean {
  const [type] = mediaType.split('/', 1);
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern === mediaType || pattern === `${type ?? ''}/*`;
  });
}
