/**
 * Refusals: how the portal says that it refused a request's credentials, so that the session renews them and
 * sends the request again. Loaded by the session only when its authentication can renew (`refresh`), and by
 * the redirect policy.
 */
import type { Authentication } from './authentication.js';
import { AuthenticationError, LiferayError } from './errors.js';
import type { Redirectable } from './redirect.js';
import { originOf } from './transport.js';

export { originOf };

/**
 * Whether to send again a request whose `answer` refused its credentials: the authentication renewed them.
 * A failure to reach the portal while renewing (a timeout, a reset, an abort) passes through as it is: only a
 * refusal is an AuthenticationError, which may make an app drop the credentials it stored.
 */
export async function renew(
  authentication: Authentication,
  answer: Redirectable,
  url: string,
  refused: Readonly<Record<string, string>>,
  path: string | undefined,
): Promise<boolean> {
  if (!isRefused(answer, url, path)) return false;
  try {
    return (await authentication.refresh?.(refused)) ?? false;
  } catch (cause) {
    if (cause instanceof LiferayError && !(cause instanceof AuthenticationError)) throw cause;
    throw new AuthenticationError('renewing the credentials failed', { path, cause });
  }
}

/**
 * Whether `answer`, to a request to `url`, refused its credentials. `path`: the one action called, absent for
 * a batch, for which "Authenticated access required" does not count: the commands before the refused one have
 * already run (as the guest), and must not run twice.
 */
export function isRefused(answer: Redirectable, url: string, path: string | undefined): boolean {
  return isRefusal(answer.status, answer.location, url) || (!!path && isAccessRequired(answer.body));
}

/**
 * Whether the portal refused the credentials of a request to `url`: a 401, or a redirect to its own sign-in
 * page on its origin (`/c/portal/login`, or the login portlet: `com_liferay_login_web_portlet_LoginPortlet`
 * on 7.x, `58` on 6.2). A redirect elsewhere, even to a URL that says "login", is an answer of its own.
 */
export function isRefusal(status: number, location: string | undefined, url: string): boolean {
  if (status === 401) return true;
  if (status < 300 || status > 399 || !location) return false;
  // Relative locations stay on the origin; an absolute one (or "//host") must name it.
  const here = /^([a-z][a-z\d+.-]*:)?\/\//i.test(location) ? originOf(location) === originOf(url) : true;
  return here && SIGN_IN.test(location);
}

const SIGN_IN =
  /^[^?#]*\/c\/portal\/login(?:[/?#]|$)|[?&]p_p_id=(?:com_liferay_login_web_portlet_LoginPortlet|58)(?:[&#]|$)/;

/**
 * Whether an answer is the portal's "Authenticated access required" SecurityException: what JSON-WS answers
 * (6.2: 200, 7.x: 403) when the credentials are missing, wrong or expired and the action is not for guests,
 * as the access check runs before the action. The exception's JSON is small and is an object, never an array.
 */
export function isAccessRequired(body: unknown): boolean {
  return (
    typeof body === 'string' &&
    body.length < 4096 &&
    /^\s*\{/.test(body) &&
    body.includes('Authenticated access required') &&
    body.includes('java.lang.SecurityException')
  );
}
