/**
 * Errors: the `LiferayError` family that every failed call rejects with, and `readAnswer`, which reads the
 * portal's answer into results or into the matching error.
 */
import type { TransportResponse } from './transport.js';

/**
 * Every failure of a call rejects with a `LiferayError` subclass, so callers can branch with `instanceof`.
 * Names are set as strings because minifiers rename classes. Messages and fields never carry credentials.
 */
export class LiferayError extends Error {
  /** The JSON-WS path of the command that failed; absent for a whole batch. */
  readonly path: string | undefined;

  constructor(message: string, path?: string, cause?: unknown) {
    super(path ? path + ': ' + message : message, cause === undefined ? undefined : { cause });
    this.name = 'LiferayError';
    this.path = path;
  }
}

/** The portal ran the command and answered with an exception. */
export class ServerError extends LiferayError {
  /** The Java exception class when the portal names it, e.g. `com.liferay.portal.NoSuchUserException`. */
  readonly type: string | undefined;

  constructor(type: string | undefined, message: string, path?: string) {
    super(message, path);
    this.name = 'ServerError';
    this.type = type;
    // The portal's own words, without the path prefix.
    this.message = message;
  }
}

/** The portal answered 401 (missing or wrong credentials, or an expired token), or a sign-in failed. */
export class AuthenticationError extends LiferayError {
  constructor(path?: string, cause?: unknown, message = 'authentication failed (HTTP 401)') {
    super(message, path, cause);
    this.name = 'AuthenticationError';
  }
}

/** The portal answered with a redirect (often to a login page); redirects are not followed. */
export class RedirectError extends LiferayError {
  readonly status: number;
  readonly location: string | undefined;

  constructor(status: number, location: string | undefined, path?: string) {
    super('redirected (HTTP ' + status + ')' + (location ? ' to ' + location : ''), path);
    this.name = 'RedirectError';
    this.status = status;
    this.location = location;
  }
}

/** Any other answer outside 2xx. */
export class HttpError extends LiferayError {
  readonly status: number;
  /** The first 200 characters of the answer, to tell an HTML error page from a proxy message. */
  readonly body: string;

  constructor(status: number, body: string, path?: string) {
    super('HTTP ' + status, path);
    this.name = 'HttpError';
    this.status = status;
    this.body = body.slice(0, 200);
  }
}

/** A 2xx answer that is not the JSON array the portal sends. */
export class ParseError extends LiferayError {
  /** The first 200 characters of the answer. */
  readonly body: string;

  constructor(body: string, path?: string, cause?: unknown) {
    super('the answer is not a JSON array', path, cause);
    this.name = 'ParseError';
    this.body = body.slice(0, 200);
  }
}

/** The connection failed (refused, reset, DNS); the transport's error is the `cause`. */
export class NetworkError extends LiferayError {
  constructor(path: string | undefined, cause: unknown) {
    super('network failure', path, cause);
    this.name = 'NetworkError';
  }
}

/** No complete answer within the session's or the call's timeout; the connection was released. */
export class TimeoutError extends LiferayError {
  readonly timeout: number;

  constructor(timeout: number, path?: string) {
    super('no answer within ' + timeout + ' ms', path);
    this.name = 'TimeoutError';
    this.timeout = timeout;
  }
}

/** The caller's signal aborted the call; the signal's reason is the `cause`. */
export class AbortError extends LiferayError {
  constructor(path: string | undefined, cause: unknown) {
    super('aborted', path, cause);
    this.name = 'AbortError';
  }
}

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
