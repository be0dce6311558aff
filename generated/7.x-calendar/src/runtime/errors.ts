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
