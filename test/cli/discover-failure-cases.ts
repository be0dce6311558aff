/**
 * The portal answers that make `discover` fail, each with its exit code (src/cli/exit-codes.ts) and the
 * exact one-line message (src/discovery/discovery-failures.ts), written out here so a change of wording
 * is a visible change.
 */
import { answer, hang, redirect, serveHtml, serveJson, type PortalHandler } from '../helpers/portal-server.js';

export interface Failure {
  readonly handler: PortalHandler;
  readonly args?: readonly string[];
  readonly exitCode: number;
  /** The message, given the discovery URL. */
  readonly message: (url: string) => string;
  /** Requests the portal must have received; default 1. */
  readonly requests?: number;
}

const invalidJson = '{\n  "services": [\n    {"path": "/blogsentry/get-entry"},\n  ]\n}';

export const failures: Readonly<Record<string, Failure>> = {
  '401': { handler: answer(401, 'Unauthorized'), exitCode: 4, message: (url) => accessDenied(401, url) },
  '403': { handler: answer(403, 'Forbidden'), exitCode: 4, message: (url) => accessDenied(403, url) },
  '404': {
    handler: answer(404, 'Not Found'),
    exitCode: 5,
    message: (url) =>
      `No JSON web services at ${url} (HTTP 404): check the portal URL and the JSON web services path (6.1 portals need --jsonws-path api/secure/jsonws).`,
  },
  'an HTML page': {
    handler: serveHtml('<!DOCTYPE html>\n<html><head><title>Sign In - Liferay</title></head><body>form</body></html>'),
    exitCode: 6,
    message: (url) =>
      `Expected JSON but got an HTML page titled "Sign In - Liferay" from ${url}, typically a login or error page: check the URL and the credentials.`,
  },
  'invalid JSON': {
    handler: serveJson(invalidJson),
    exitCode: 7,
    // The stray "]" is on line 4, column 3.
    message: (url) =>
      `Invalid JSON from ${url} at line 4, column 3 (position ${invalidJson.indexOf('  ]') + 2}): expected a JSON value, found "]"; check that the document is complete and unedited.`,
  },
  'a document of the wrong shape': {
    handler: serveJson({ contextName: '', services: { BlogsEntry: {} }, types: [], version: '7.0.6' }),
    exitCode: 8,
    message: (url) => `Invalid discovery document from ${url}: services must be an array (got object).`,
  },
  'JSON that is no discovery document': {
    handler: serveJson({ error: { type: 'java.lang.SecurityException', message: 'Access denied' } }),
    exitCode: 8,
    message: (url) =>
      `Not a JSON web services discovery document from ${url} (the portal answered "Access denied"): expected a "services" list (6.2, 7.x) or an "actions" list (6.0, 6.1); check the URL or file.`,
  },
  '500': {
    handler: answer(500, 'boom'),
    exitCode: 9,
    message: (url) => `The portal answered HTTP 500 at ${url}: check the portal's log, or retry later.`,
  },
  '503 after every retry': {
    handler: answer(503, 'busy'),
    args: ['--retries', '2'],
    exitCode: 9,
    requests: 3,
    message: (url) => `The portal answered HTTP 503 at ${url} (3 attempts): check the portal's log, or retry later.`,
  },
  'a redirect to another origin': {
    handler: redirect('http://localhost:1/c/portal/login'),
    exitCode: 9,
    message: (url) =>
      `The portal at ${url} redirected to another origin (http://localhost:1), which is not followed so that no credentials are sent there: use that origin as the portal URL if you trust it.`,
  },
  'no answer within --timeout': {
    handler: hang(),
    args: ['--timeout', '300'],
    exitCode: 3,
    message: (url) =>
      `No complete answer from ${url} within 300 ms: check that the portal is up, or allow a longer timeout.`,
  },
};

function accessDenied(status: number, url: string): string {
  return (
    `Access denied (HTTP ${status}) at ${url}: check the credentials (user and password, or token), ` +
    'or enable JSON web services discovery on the portal (jsonws.web.service.discoverable=true).'
  );
}
