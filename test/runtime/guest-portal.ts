/**
 * JSON-WS as the portal's source shows it for credentials it does not accept (JSONWebServiceServiceAction,
 * the auth verifiers, JSONFactoryImpl.serializeThrowable): missing, wrong or expired credentials make the
 * request a guest's; each command of `/invoke` runs in order, and the first one a guest may not call stops the
 * request with "Authenticated access required" (6.2: status 200 and `{"exception", "message"}`; 7.x: status
 * 403 and `{"error": {"message", "type"}}`). Commands that ran are recorded with who ran them.
 */
import { serveJson, type PortalHandler, type RecordedRequest } from '../helpers/portal-server.js';
import { commandsOf } from './jsonws-portal.js';

export type Family = '6.2' | '7.x';

/** The SecurityException a guest gets for an action that needs a user. */
export function accessRequired(family: Family): PortalHandler {
  return family === '6.2'
    ? serveJson({ exception: 'java.lang.SecurityException', message: 'Authenticated access required' })
    : serveJson({ error: { message: 'Authenticated access required', type: 'java.lang.SecurityException' } }, 403);
}

export interface GuestPortal {
  readonly handler: PortalHandler;
  /** Every command run, as "<path> as <user|guest>". */
  readonly ran: string[];
}

/**
 * `signedIn` says whether a request's credentials are accepted; `guestPaths` are the actions a guest may call
 * (each answers its parameters, as `echo` does).
 */
export function guestPortal(
  family: Family,
  signedIn: (request: RecordedRequest) => boolean,
  guestPaths: readonly string[] = [],
): GuestPortal {
  const ran: string[] = [];
  const handler: PortalHandler = (request, response, incoming) => {
    const user = signedIn(request);
    const results: unknown[] = [];
    for (const command of commandsOf(request)) {
      const [path = '', parameters] = Object.entries(command)[0] ?? [];
      // The access check runs before the method: a refused command has not run.
      if (!user && !guestPaths.includes(path)) return accessRequired(family)(request, response, incoming);
      ran.push(`${path} as ${user ? 'user' : 'guest'}`);
      results.push(parameters);
    }
    return serveJson(results)(request, response, incoming);
  };
  return { handler, ran };
}
