/**
 * Errors: the `LiferayError` family that every failed call rejects with, each with a stable `code`, and
 * recognised by `instanceof` whichever copy of the runtime threw it.
 */

/**
 * The stable code of every runtime error, as undici's errors have (`UND_ERR_...`): an app can branch on it
 * whatever copy of the runtime threw, and a log names it. Each subclass has its own (`ServerError`:
 * LIFERAY_SERVER, ..., `AbortError`: LIFERAY_ABORT); a `LiferayError` itself, for a call the runtime refuses
 * to send, has one of the others: LIFERAY_INVALID_PARAMETERS (the parameters are not an object of named
 * parameters, no overload takes them, or a file parameter's value is not a file), LIFERAY_NO_CALLBACK (a
 * callback-style call without a callback, and none on the session), LIFERAY_UNSUPPORTED (an upload in a
 * batch, or a runtime without `fetch`), LIFERAY_UNREADABLE_FILE (the file to upload cannot be read; the
 * `cause` says why), LIFERAY_ERROR (a failure that was not a LiferayError, which is the `cause`).
 */
export type LiferayErrorCode =
  | 'LIFERAY_SERVER'
  | 'LIFERAY_AUTHENTICATION'
  | 'LIFERAY_REDIRECT'
  | 'LIFERAY_HTTP'
  | 'LIFERAY_PARSE'
  | 'LIFERAY_NETWORK'
  | 'LIFERAY_TIMEOUT'
  | 'LIFERAY_ABORT'
  | 'LIFERAY_INVALID_PARAMETERS'
  | 'LIFERAY_NO_CALLBACK'
  | 'LIFERAY_UNSUPPORTED'
  | 'LIFERAY_UNREADABLE_FILE'
  | 'LIFERAY_ERROR';

/** What every runtime error takes besides its message. */
export interface LiferayErrorOptions {
  /** The JSON-WS path of the command that failed (or the URL of a download); the message starts with it. */
  readonly path?: string | undefined;
  /** What caused it: the transport's error, the caller's abort reason, ... (see each class). */
  readonly cause?: unknown;
}

// The same symbol in every copy of the runtime: an app with two generated packages has two copies.
const BRAND = /* @__PURE__ */ Symbol.for('liferay-sdk-builder.error');

type Kinds = { readonly [BRAND]?: readonly string[] };

/**
 * Every failure of a call rejects with a `LiferayError`, so callers can branch with `instanceof` or on `code`.
 * `instanceof` works across copies of the runtime (each generated package has its own): it checks a brand
 * that every copy shares, not the prototype chain. Names are strings because minifiers rename classes.
 * Messages and fields never carry credentials.
 */
export class LiferayError extends Error {
  /**
   * @internal The brand `instanceof` checks; every class of the runtime has its own, which is also its `name`
   * and gives its default `code` ("TimeoutError": LIFERAY_TIMEOUT).
   */
  static readonly brand: string = 'LiferayError';
  /** Stable across versions and copies of the runtime: branch on it, log it. */
  readonly code: LiferayErrorCode;
  /** The JSON-WS path of the command that failed; absent for a whole batch. */
  readonly path: string | undefined;

  constructor(message: string, options: LiferayErrorOptions & { readonly code?: LiferayErrorCode } = {}) {
    const { path } = options;
    super(path ? path + ': ' + message : message, 'cause' in options ? { cause: options.cause } : undefined);
    const brand = new.target.brand;
    this.name = brand;
    this.code =
      options.code ??
      ((brand === 'LiferayError'
        ? 'LIFERAY_ERROR'
        : 'LIFERAY_' + brand.slice(0, -5).toUpperCase()) as LiferayErrorCode);
    this.path = path;
    // The brands of the class made and of its ancestors, for `instanceof` in any copy of the runtime: every
    // class of the runtime derives from LiferayError directly (an app's subclass inherits its parent's brand).
    Object.defineProperty(this, BRAND, { value: brand === 'LiferayError' ? [brand] : [brand, 'LiferayError'] });
  }

  /** `error instanceof NetworkError` for an error of any copy of the runtime (see the class). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass an app writes has no brand of its own: it keeps the ordinary prototype check.
    if (!Object.hasOwn(this, 'brand')) return Function.prototype[Symbol.hasInstance].call(this, value);
    return !!(value as Kinds | null | undefined)?.[BRAND]?.includes(this.brand);
  }
}

/** The portal ran the command and answered with an exception. */
export class ServerError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'ServerError';
  /** Always LIFERAY_SERVER. */
  declare readonly code: 'LIFERAY_SERVER';
  /** The Java exception class when the portal names it, e.g. `com.liferay.portal.NoSuchUserException`. */
  readonly type: string | undefined;
  /** 7.x: the innermost cause of the exception, when it has one (its class and message). */
  readonly rootCause: { readonly type: string | undefined; readonly message: string } | undefined;
  /** In a batch: the index of the command that failed, when it can be told (see the README); else undefined. */
  readonly command: number | undefined;

  constructor(
    message: string,
    options: LiferayErrorOptions & {
      readonly type?: string | undefined;
      readonly rootCause?: ServerError['rootCause'];
      readonly command?: number | undefined;
    } = {},
  ) {
    super(message, options);
    this.type = options.type;
    this.rootCause = options.rootCause;
    this.command = options.command;
  }
}

/** The portal answered 401 (missing or wrong credentials, or an expired token), or a sign-in failed. */
export class AuthenticationError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'AuthenticationError';
  /** Always LIFERAY_AUTHENTICATION. */
  declare readonly code: 'LIFERAY_AUTHENTICATION';
}

/** The portal answered with a redirect that was not followed (often to its sign-in page). */
export class RedirectError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'RedirectError';
  /** Always LIFERAY_REDIRECT. */
  declare readonly code: 'LIFERAY_REDIRECT';
  /** The redirect's HTTP status (301, 302, 303, 307, 308). */
  readonly status: number;
  /** Where it led (its Location header), when it said. */
  readonly location: string | undefined;

  constructor(
    message: string,
    options: LiferayErrorOptions & { readonly status: number; readonly location?: string | undefined },
  ) {
    super(message, options);
    this.status = options.status;
    this.location = options.location;
  }
}

/** Any other answer outside 2xx. */
export class HttpError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'HttpError';
  /** Always LIFERAY_HTTP. */
  declare readonly code: 'LIFERAY_HTTP';
  /** The HTTP status the portal (or a proxy) answered. */
  readonly status: number;
  /** The first 200 characters of the answer, to tell an HTML error page from a proxy message. */
  readonly body: string;

  constructor(message: string, options: LiferayErrorOptions & { readonly status: number; readonly body: string }) {
    super(message, options);
    this.status = options.status;
    this.body = options.body.slice(0, 200);
  }
}

/** A 2xx answer that is not the JSON the portal sends. */
export class ParseError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'ParseError';
  /** Always LIFERAY_PARSE. */
  declare readonly code: 'LIFERAY_PARSE';
  /** The first 200 characters of the answer. */
  readonly body: string;

  constructor(message: string, options: LiferayErrorOptions & { readonly body: string }) {
    super(message, options);
    this.body = options.body.slice(0, 200);
  }
}

/**
 * The connection failed (refused, reset, DNS); the transport's error is the `cause`, and the message says
 * what failed ("network failure: connect ECONNREFUSED 127.0.0.1:8080"). A browser does not say why: there
 * the message names CORS or the network as the likely causes.
 */
export class NetworkError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'NetworkError';
  /** Always LIFERAY_NETWORK. */
  declare readonly code: 'LIFERAY_NETWORK';
}

/** No complete answer within the session's or the call's timeout; the connection was released. */
export class TimeoutError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'TimeoutError';
  /** Always LIFERAY_TIMEOUT. */
  declare readonly code: 'LIFERAY_TIMEOUT';
  /** The timeout that passed, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, options: LiferayErrorOptions & { readonly timeout: number }) {
    super(message, options);
    this.timeout = options.timeout;
  }
}

/** The caller's signal aborted the call; the signal's reason is the `cause`. */
export class AbortError extends LiferayError {
  /** @internal */
  static override readonly brand: string = 'AbortError';
  /** Always LIFERAY_ABORT. */
  declare readonly code: 'LIFERAY_ABORT';
}
