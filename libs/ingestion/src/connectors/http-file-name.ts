/**
 * The name readers pick a format by: `Content-Disposition`'s filename when the server gives one,
 * else the last segment of the final URL's path. Always a bare name, never a path, because the value
 * comes from a remote server.
 */
export function httpFileName(finalUrl: URL, contentDisposition: string | null): string {
  const fromHeader = contentDisposition === null ? undefined : dispositionFileName(contentDisposition);
  const fromPath = lastSegment(finalUrl.pathname);
  return bareName(fromHeader) ?? bareName(fromPath) ?? 'download';
}

function dispositionFileName(header: string): string | undefined {
  // RFC 6266: filename* (RFC 5987, percent-encoded UTF-8) wins over filename.
  const extended = /filename\*\s*=\s*(?:utf-8|UTF-8)''([^;]+)/.exec(header)?.[1];
  if (extended !== undefined) return safeDecode(extended.trim());
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(header)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
  return /filename\s*=\s*([^;\s]+)/.exec(header)?.[1];
}

function lastSegment(pathname: string): string | undefined {
  const segment = pathname.split('/').pop();
  return segment === undefined ? undefined : safeDecode(segment);
}

function bareName(name: string | undefined): string | undefined {
  const bare = name
    ?.split(/[/\\]/)
    .pop()
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return bare === undefined || bare === '' || bare === '.' || bare === '..' ? undefined : bare;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
