/** Why a URL given for download is refused, or null when the registry may fetch it. Pure. */
export function urlRefusal(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `only http: and https: URLs are downloaded, not ${url.protocol}`;
  }
  // Credentials in a URL end up in logs, audit records and the version's record; they are refused
  // rather than silently stripped, so the caller learns the download would not be authenticated.
  if (url.username !== '' || url.password !== '') return 'URLs with credentials (user:password@) are refused';
  return null;
}

/**
 * The URL as the registry records and reports it: without query string and fragment, because presigned
 * URLs (S3, GCS, Azure SAS) carry their signature there and the record outlives the signature's secrecy.
 */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

const UNSAFE = /[^A-Za-z0-9._-]+/g;

/**
 * The file name a downloaded artifact gets in the store: the caller's `filename`, else the URL's last
 * path segment, reduced to `[A-Za-z0-9._-]` so it is a valid, unsurprising object key segment.
 */
export function importFileName(url: URL, filename: string | null): string {
  if (filename !== null) return filename;
  const last =
    url.pathname
      .split('/')
      .filter((s) => s !== '')
      .at(-1) ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    decoded = last;
  }
  const safe = decoded
    .replace(UNSAFE, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
  return safe === '' ? 'artifact' : safe;
}

/** Makes names unique within one version by prefixing the position of every repeated one. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, i) => {
    const unique = seen.has(name) ? `${i}-${name}` : name;
    seen.add(unique);
    return unique;
  });
}
