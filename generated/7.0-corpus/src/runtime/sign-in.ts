/**
 * `signIn(session)`: checks the session's credentials and resolves with the signed-in user, as the Mobile
 * SDK's SignIn does. A module of its own, so that apps that do not use it do not carry it.
 */
import { LiferayError, ServerError } from './errors.js';
import type { CallOptions } from './invoker.js';
import type { Session } from './session.js';
import type { ActionSpec } from './spec.js';

/** How to sign in; each is optional. */
export interface SignInOptions extends CallOptions {
  /**
   * The login the credentials are for (an e-mail address, a screen name or a user id), for portals without
   * `/user/get-current-user` (6.2). Default: the `user` of the session's authentication, when it has one
   * (`BasicAuthentication`, `CookieAuthentication`).
   */
  readonly login?: string;
}

const CURRENT_USER: ActionSpec = ['/user/get-current-user', [[]]];
const USER_SITES: ActionSpec = ['/group/get-user-sites-groups', [[]]];
const BY_EMAIL: ActionSpec = ['/user/get-user-by-email-address', [['companyId', 'emailAddress']]];
const BY_SCREEN_NAME: ActionSpec = ['/user/get-user-by-screen-name', [['companyId', 'screenName']]];
const BY_ID: ActionSpec = ['/user/get-user-by-id', [['userId']]];

/**
 * Resolves with the user the session's credentials belong to (the portal's User model, as JSON), or rejects
 * with the call's error: an `AuthenticationError` for credentials the portal refuses. Asks
 * `/user/get-current-user` where the portal has it (7.0 and later); elsewhere does the SDK's lookup: the
 * company of the user's first site, then the user by e-mail address, user id or screen name, as the login reads.
 */
export async function signIn(session: Session, options: SignInOptions = {}): Promise<Record<string, unknown>> {
  const { login = userOf(session), ...call } = options;
  try {
    return (await session.invoke(CURRENT_USER, {}, call)) as Record<string, unknown>;
  } catch (error) {
    // 6.2: "No JSON web service action associated with path /user/get-current-user and method POST for /".
    if (!(error instanceof ServerError) || !/No JSON web service action/i.test(error.message)) throw error;
  }
  if (login === undefined) {
    throw new LiferayError('this portal has no /user/get-current-user: pass the login to signIn', {
      code: 'LIFERAY_INVALID_PARAMETERS',
    });
  }
  if (/^\d+$/.test(login))
    return (await session.invoke(BY_ID, { userId: Number(login) }, call)) as Record<string, unknown>;
  const sites = (await session.invoke(USER_SITES, {}, call)) as readonly { readonly companyId?: unknown }[];
  const companyId = sites[0]?.companyId;
  if (companyId === undefined) {
    throw new LiferayError('the user belongs to no site: its company is unknown', { path: USER_SITES[0] });
  }
  const user = login.includes('@')
    ? session.invoke(BY_EMAIL, { companyId, emailAddress: login }, call)
    : session.invoke(BY_SCREEN_NAME, { companyId, screenName: login }, call);
  return (await user) as Record<string, unknown>;
}

function userOf(session: Session): string | undefined {
  const user = (session.authentication as { readonly user?: unknown } | undefined)?.user;
  return typeof user === 'string' ? user : undefined;
}
