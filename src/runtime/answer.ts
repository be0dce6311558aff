import { AuthenticationError, HttpError, ParseError, RedirectError, ServerError } from './errors.js';
import type { TransportResponse } from './transport.js';

/**
 * Turns the portal's answer into the array of command results, or throws the matching error. A portal
 * exception is recognised by its body whatever the status, as 6.2 answers 200 and 7.x answers 4xx/5xx.
 * `direct`: the answer of a path-style call (an upload), which is the result itself, not an array.
 */
export function readAnswer({ status, location, body }: TransportResponse, path?: string, direct?: boolean): unknown[] {
  if (status > 299 && status < 400) throw new RedirectError(status, location, path);
  if (status === 401) throw new AuthenticationError(path);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (cause) {
    if (status > 299 || status < 200) throw new HttpError(status, body, path);
    throw new ParseError(body, path, cause);
  }
  const fault = toServerError(value, path);
  if (fault) throw fault;
  if (status > 299 || status < 200) throw new HttpError(status, body, path);
  if (direct) return [value];
  if (Array.isArray(value)) return value;
  throw new ParseError(body, path);
}

/** Whether the portal refused the credentials: a 401, or a redirect to its sign-in page (an expired session). */
export function isRefusal(status: number, location: string | undefined): boolean {
  return status === 401 || (status > 299 && status < 400 && /login/i.test(location ?? ''));
}

/**
 * 7.x: `{"error": {"type", "message"}}`. 6.2: `{"exception": "<class or message>", "message"?}`, where a class
 * may come as "class: message".
 */
function toServerError(value: unknown, path: string | undefined): ServerError | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { error, exception, message } = value as Record<string, unknown>;
  if (error && typeof error === 'object') {
    const { type, message: text } = error as Record<string, unknown>;
    return new ServerError(asString(type), asString(text) ?? '', path);
  }
  if (typeof exception !== 'string') return undefined;
  const named = /^([a-z_$][\w$]*(?:\.[\w$]+)+)(?::\s*([^]*))?$/i.exec(exception);
  return new ServerError(named?.[1], asString(message) ?? named?.[2] ?? exception, path);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
