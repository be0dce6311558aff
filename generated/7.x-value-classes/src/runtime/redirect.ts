/**
 * Redirects: one policy function for the requests that follow redirects, with the differences as named
 * options: downloads follow a few and leave every credential behind at another origin (a CDN); the cookie
 * sign-in follows the portal's own redirects on its origin only. JSON calls and uploads follow none: their
 * answer is the redirect (a RedirectError, or the sign-in page the session answers by signing in again), so
 * the session loads this module only for a request given a policy. `originOf` and `resolveUrl` decide where
 * a redirect leads.
 */
import { isRefusal } from './answer.js';

/** How a request treats redirects. */
export interface RedirectPolicy {
  /** The most redirects followed; past them, the last redirect is the answer (0: none are followed). */
  readonly follow: number;
  /** Follows a redirect to another origin, sending nothing of the session's there; otherwise it is the answer. */
  readonly leaveOrigin?: boolean;
  /** A redirect to the portal's sign-in page is the answer, so that the session can sign in again and retry. */
  readonly stopAtSignIn?: boolean;
}

/** One request of a chain of redirects. */
export interface Hop {
  readonly url: string;
  /** 0 for the request asked for; a redirect is sent as a GET without a body. */
  readonly index: number;
  /** Whether every request so far stayed on the portal's origin: only then do credentials and headers go. */
  readonly trusted: boolean;
}

/** What a hop answered: enough to decide where to go next. */
export interface Redirectable {
  readonly status: number;
  readonly location: string | undefined;
  /** Releases an answer whose body will not be read. */
  cancel?(): void;
}

/**
 * Sends `url` with `send`, following redirects as `policy` says; resolves with the last answer and its URL.
 * `server` is the portal's address: credentials go only to its origin.
 */
export async function followRedirects<T extends Redirectable>(
  url: string,
  server: string,
  policy: RedirectPolicy,
  send: (hop: Hop) => Promise<T>,
): Promise<[answer: T, url: string]> {
  const portal = originOf(server);
  let trusted = originOf(url) === portal;
  for (let index = 0; ; index++) {
    const answer = await send({ url, index, trusted });
    const { status, location } = answer;
    if (
      status < 300 ||
      status > 399 ||
      !location ||
      index >= policy.follow ||
      (policy.stopAtSignIn && isRefusal(status, location))
    ) {
      return [answer, url];
    }
    const next = resolveUrl(url, location);
    if (originOf(next) !== portal && !policy.leaveOrigin) return [answer, url];
    answer.cancel?.();
    url = next;
    // Once away from the portal, nothing of the session's goes, even back on the portal's origin.
    trusted &&= originOf(url) === portal;
  }
}

const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;
const ORIGIN = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/** The scheme, host and port of an absolute URL, lower-cased: what decides where credentials may go. */
export function originOf(url: string): string {
  return (ORIGIN.exec(url)?.[0] ?? '').toLowerCase();
}

/**
 * `reference` (a document URL, a redirect's Location) made absolute against `base` as a browser would:
 * absolute, scheme-relative, root-relative, query-only, or relative to base's folder ("../" is left to the
 * server). Written out rather than using `URL`, which React Native implements only in part.
 */
export function resolveUrl(base: string, reference: string): string {
  if (ABSOLUTE.test(reference)) return reference;
  if (reference.startsWith('//')) return base.slice(0, base.indexOf(':') + 1) + reference;
  const origin = ORIGIN.exec(base)?.[0] ?? '';
  if (reference.startsWith('/')) return origin + reference;
  const document = base.replace(/[?#].*$/, '');
  if (reference.startsWith('?')) return document + reference;
  return (document === origin ? origin + '/' : document.replace(/[^/]*$/, '')) + reference;
}
