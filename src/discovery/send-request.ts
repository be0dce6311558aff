/**
 * One GET over undici with a deadline covering headers and body. Network failures come back as a
 * NetworkFailure that says whether retrying can help; everything else about the answer is the caller's.
 */
import type { Dispatcher } from 'undici';

export interface HttpAnswer {
  readonly status: number;
  /** The Location header of a redirect, as sent. */
  readonly location: string | undefined;
  readonly contentType: string;
  /** The whole body as text; empty for redirects, whose body is discarded. */
  readonly body: string;
}

export interface RequestSettings {
  readonly dispatcher: Dispatcher;
  readonly headers: Readonly<Record<string, string>>;
  /** ms for the whole exchange, headers and body. */
  readonly timeout: number;
}

/** Connection-level failures worth retrying: the portal may be restarting or a proxy may have dropped us. */
const retryableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

export class NetworkFailure extends Error {
  constructor(
    /** ECONNREFUSED, UND_ERR_SOCKET, ..., or "timeout". */
    readonly reason: string,
    readonly retryable: boolean,
    cause: unknown,
  ) {
    super(reason, { cause });
    this.name = 'NetworkFailure';
  }
}

export async function sendRequest(url: URL, settings: RequestSettings): Promise<HttpAnswer> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeout);
  try {
    // Loaded on first use: reading saved documents never pays for undici.
    const { request } = await import('../undici.js');
    const response = await request(url, {
      method: 'GET',
      headers: settings.headers,
      dispatcher: settings.dispatcher,
      signal: deadline.signal,
      headersTimeout: settings.timeout,
      bodyTimeout: settings.timeout,
    });
    const location = headerValue(response.headers['location']);
    const isRedirect = response.statusCode >= 300 && response.statusCode < 400;
    const body = isRedirect ? (await response.body.dump(), '') : await response.body.text();
    const contentType = headerValue(response.headers['content-type']) ?? '';
    return { status: response.statusCode, location, contentType, body };
  } catch (error) {
    throw toNetworkFailure(error, deadline.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function toNetworkFailure(error: unknown, timedOut: boolean): NetworkFailure {
  const code = errorCode(error);
  if (timedOut || (code !== undefined && timeoutCodes.has(code))) return new NetworkFailure('timeout', false, error);
  return new NetworkFailure(code ?? 'network error', code !== undefined && retryableCodes.has(code), error);
}

/** The code of the error or of what it wraps (fetch-style causes, happy-eyeballs AggregateErrors). */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  return cause === undefined ? undefined : errorCode(cause);
}
