/**
 * The store key behind an object-store URI (`s3://<bucket>/<key>` → `<key>`). Events and run IO carry
 * URIs, the store takes keys; a bare key is returned as is.
 */
export function objectKeyOf(uriOrKey: string): string {
  if (!uriOrKey.startsWith('s3://')) return uriOrKey;
  const match = /^s3:\/\/[^/]+\/(.+)$/.exec(uriOrKey);
  if (!match?.[1]) throw new Error(`not an object store URI: ${uriOrKey}`);
  return match[1];
}
