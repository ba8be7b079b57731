/** The object key inside `s3://<bucket>/<key>`; events carry URIs, the store takes keys. */
export function keyFromUri(uri: string): string {
  const match = /^s3:\/\/[^/]+\/(.+)$/.exec(uri);
  if (!match?.[1]) throw new Error(`not an object store URI: ${uri}`);
  return match[1];
}
