/**
 * The one-line messages of every discovery failure: what failed, where (URL without credentials, or file
 * path) and what to do. Kept together so their wording stays consistent.
 */
import { DiscoveryError } from './discovery-error.js';
import type { JsonErrorLocation } from './locate-json-error.js';

/** Plain words for the network error codes people meet; other codes are shown as they are. */
const networkReasons: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
};

const fileReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
};

function attemptsNote(attempts: number): string {
  return attempts > 1 ? `, ${attempts} attempts` : '';
}

/** Quotes text that came from the other side, on one line and short, so it cannot break the message. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 120 ? `${line.slice(0, 119)}…` : line);
}

export function unreachableError(url: string, code: string, attempts: number, cause: unknown): DiscoveryError {
  const reason = `${networkReasons[code] ?? code}${attemptsNote(attempts)}`;
  const message = `Cannot reach the portal at ${url} (${reason}): check the URL and that the portal is running.`;
  return new DiscoveryError('discovery.unreachable', url, message, { cause });
}

export function timeoutError(url: string, timeout: number, cause: unknown): DiscoveryError {
  const message = `No complete answer from ${url} within ${timeout} ms: check that the portal is up, or allow a longer timeout.`;
  return new DiscoveryError('discovery.timeout', url, message, { cause });
}

export function statusError(url: string, status: number, attempts: number, context: string): DiscoveryError {
  if (status === 401 || status === 403) {
    const message =
      `Access denied (HTTP ${status}) at ${url}: check the credentials (user and password, or token), ` +
      'or enable JSON web services discovery on the portal (jsonws.web.service.discoverable=true).';
    return new DiscoveryError('discovery.unauthorized', url, message);
  }
  if (status === 404) {
    const contextHint = context === 'portal' ? '' : `, and that the context ${quote(context)} exists`;
    const message =
      `No JSON web services at ${url} (HTTP 404): check the portal URL and the JSON web services path ` +
      `(6.1 portals need --jsonws-path api/secure/jsonws)${contextHint}.`;
    return new DiscoveryError('discovery.not-found', url, message);
  }
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  const message = `The portal answered HTTP ${status} at ${url}${tries}: check the portal's log, or retry later.`;
  return new DiscoveryError('discovery.http', url, message);
}

export function crossOriginRedirectError(url: string, targetOrigin: string): DiscoveryError {
  const message =
    `The portal at ${url} redirected to another origin (${targetOrigin}), which is not followed so that no ` +
    'credentials are sent there: use that origin as the portal URL if you trust it.';
  return new DiscoveryError('discovery.redirect', url, message);
}

export function redirectLoopError(url: string, maxRedirects: number): DiscoveryError {
  const message = `More than ${maxRedirects} redirects from ${url}: check the portal URL.`;
  return new DiscoveryError('discovery.redirect', url, message);
}

export function badRedirectError(url: string, status: number, cause: unknown): DiscoveryError {
  const message = `The portal answered a redirect (HTTP ${status}) without a usable Location at ${url}: check the portal URL.`;
  return new DiscoveryError('discovery.http', url, message, { cause });
}

/** `page` is the HTML text, whose title helps tell a login page from an error page. */
export function htmlError(source: string, page: string): DiscoveryError {
  const message = `Expected JSON but got ${describePage(page)} from ${source}, typically a login or error page: check the URL and the credentials.`;
  return new DiscoveryError('discovery.html', source, message);
}

/** A saved file that is a web page: typically the portal's JSON-WS browser page saved instead of its discovery. */
export function htmlFileError(path: string, page: string): DiscoveryError {
  const message =
    `The discovery file ${path} is ${describePage(page)}, not JSON: save the portal's discovery document instead ` +
    '(liferay-sdk-builder discover --url <portal> --out <file>), not a page a browser shows.';
  return new DiscoveryError('discovery.html', path, message);
}

function describePage(page: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(page)?.[1]?.trim() || undefined;
  return title === undefined ? 'an HTML page' : `an HTML page titled ${quote(title)}`;
}

/** `where` is undefined only when the text is too deeply nested to scan. */
export function invalidJsonError(source: string, where: JsonErrorLocation | undefined, cause: unknown): DiscoveryError {
  const position = where && ` at line ${where.line}, column ${where.column} (position ${where.position})`;
  const problem = where?.problem ?? 'nested too deeply to locate the error';
  const message = `Invalid JSON from ${source}${position ?? ''}: ${problem}; check that the document is complete and unedited.`;
  return new DiscoveryError('discovery.invalid-json', source, message, { cause });
}

export function invalidDocumentError(source: string, detail: string): DiscoveryError {
  const message = `Invalid discovery document from ${source}: ${detail}.`;
  return new DiscoveryError('discovery.invalid-document', source, message);
}

export function unknownFormatError(source: string, portalMessage: string | undefined): DiscoveryError {
  const answer = portalMessage === undefined ? '' : ` (the portal answered ${quote(portalMessage)})`;
  const message =
    `Not a JSON web services discovery document from ${source}${answer}: expected a "services" list (6.2, 7.x) ` +
    'or an "actions" list (6.0, 6.1); check the URL or file.';
  return new DiscoveryError('discovery.invalid-document', source, message);
}

export function fileError(path: string, code: string, cause: unknown): DiscoveryError {
  const message = `Cannot read the discovery file ${path} (${fileReasons[code] ?? code}): check the path.`;
  return new DiscoveryError('discovery.file', path, message, { cause });
}

export function optionsError(message: string): DiscoveryError {
  return new DiscoveryError('discovery.options', '', message);
}
