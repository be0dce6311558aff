/**
 * `mock --cors <origin|*>`: lets a page on another origin call the mock, as a portal configured for CORS
 * does. Preflight requests are answered before anything else (they carry no credentials); every other
 * answer gets the CORS headers. A named origin may send credentials (HTTP Basic, cookies); `*` may not, as
 * browsers refuse credentials with a wildcard.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** Wraps `handler` so that requests from `allowed` (an origin, or `*`) pass the browser's CORS checks. */
export function withCors(
  allowed: string,
  handler: RequestListener,
  log: ((line: string) => void) | undefined,
): RequestListener {
  return (request, response) => {
    const origin = request.headers.origin;
    const admitted = allowed === '*' || origin === allowed;
    if (admitted) {
      response.setHeader('Access-Control-Allow-Origin', allowed === '*' ? '*' : allowed);
      if (allowed !== '*') response.setHeader('Access-Control-Allow-Credentials', 'true');
      // Downloads read these to show progress and the file's name.
      response.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Disposition');
    }
    response.setHeader('Vary', 'Origin');
    if (request.method !== 'OPTIONS' || request.headers['access-control-request-method'] === undefined)
      return handler(request, response);
    if (admitted) {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      const headers = request.headers['access-control-request-headers'];
      if (headers !== undefined) response.setHeader('Access-Control-Allow-Headers', headers);
      response.setHeader('Access-Control-Max-Age', '600');
    }
    response.writeHead(admitted ? 204 : 403).end();
    log?.(`OPTIONS ${new URL(request.url ?? '/', 'http://mock.invalid').pathname} ${admitted ? 204 : 403} preflight`);
  };
}

/** Checks a `--cors` value: `*` or an origin (scheme, host and port, nothing after). */
export function corsOrigin(value: string): string | undefined {
  if (value === '*') return value;
  const match = /^(https?):\/\/([^/?#\s]+)\/?$/i.exec(value);
  return match === null ? undefined : `${match[1]?.toLowerCase()}://${match[2]?.toLowerCase()}`;
}
