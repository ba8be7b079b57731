import { ConnectorError } from './connector.error';
import type { DownloadAbort } from './download-abort';
import { networkFailure } from './network-failure';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Credentials are scoped to the origin they were configured for, as curl and browsers do.
const ORIGIN_SCOPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

export interface FetchPolicy {
  headers: Readonly<Record<string, string>>;
  maxRedirects: number;
  timeoutMs: number;
}

export interface FetchedResponse {
  response: Response;
  /** Where the response came from after redirects. */
  url: URL;
}

/**
 * GET that follows redirects itself, so it can bound them, refuse non-HTTP targets and drop
 * credentials when a redirect leaves the origin. Each hop gets `timeoutMs` to answer with headers.
 */
export async function fetchFollowingRedirects(
  start: URL,
  policy: FetchPolicy,
  abort: DownloadAbort,
): Promise<FetchedResponse> {
  let url = start;
  let headers = { ...policy.headers };
  for (let hops = 0; ; hops += 1) {
    const current = url;
    const response = await abort
      .within(policy.timeoutMs, `GET ${current.host}`, () =>
        fetch(current, { redirect: 'manual', headers, signal: abort.signal }),
      )
      .catch((error: unknown) => {
        throw abort.explain(error, (cause) => networkFailure(cause, current));
      });
    if (!REDIRECT_STATUSES.has(response.status)) return { response, url: current };

    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null) {
      throw new ConnectorError(
        'http-status',
        `${current.href} answered ${response.status} without a Location`,
        {
          field: 'url',
          status: response.status,
        },
      );
    }
    if (hops >= policy.maxRedirects) {
      throw new ConnectorError(
        'redirect-limit',
        `more than ${policy.maxRedirects} redirects from ${start.href}`,
        {
          field: 'maxRedirects',
        },
      );
    }
    url = redirectTarget(location, current);
    if (url.origin !== current.origin) headers = withoutOriginScoped(headers);
  }
}

function redirectTarget(location: string, from: URL): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch (error) {
    throw new ConnectorError('url-not-allowed', `${from.href} redirected to an invalid URL`, {
      field: 'url',
      cause: error,
    });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new ConnectorError('url-not-allowed', `${from.href} redirected to a ${target.protocol} URL`, {
      field: 'url',
    });
  }
  if (target.username !== '' || target.password !== '') {
    throw new ConnectorError('url-not-allowed', `${from.href} redirected to a URL with credentials`, {
      field: 'url',
    });
  }
  return target;
}

function withoutOriginScoped(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !ORIGIN_SCOPED_HEADERS.has(name.toLowerCase())),
  );
}
