/** What the minio client wants instead of a URL. */
export interface S3ClientEndpoint {
  endPoint: string;
  port: number;
  useSSL: boolean;
}

/**
 * Splits `http(s)://host[:port]` into the minio client's fields. Returns a reason string instead of
 * throwing so config validation can report it beside every other bad variable.
 */
export function parseS3Endpoint(url: string): S3ClientEndpoint | string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be a URL such as http://127.0.0.1:9000';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must use http or https';
  // minio addresses buckets by path on the endpoint itself, so a base path would be silently dropped.
  if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') {
    return 'must not have a path, query or fragment';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'must not embed credentials';
  const useSSL = parsed.protocol === 'https:';
  return {
    // URL keeps IPv6 hosts bracketed; the client wants the bare address.
    endPoint: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? (useSSL ? 443 : 80) : Number(parsed.port),
    useSSL,
  };
}
