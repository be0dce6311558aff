/**
 * Answers: `readAnswer` reads what the portal answered into the results of the commands, or into the
 * matching error.
 */
import { AuthenticationError, HttpError, LiferayError, ParseError, RedirectError, ServerError } from './errors.js';

/** What `readAnswer` reads: the status, where a redirect leads, and the whole body. */
export interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  readonly body: string;
}

/**
 * Turns the portal's answer into the array of command results, or throws the matching error. A portal
 * exception is recognised by its body whatever the status, as 6.2 answers 200 and 7.x answers 4xx/5xx.
 * `at`: the path of the call, or the paths of a batch's commands (an error then names the one that failed
 * when it can). `direct`: the answer of a path-style call (an upload), which is the result itself.
 */
export function readAnswer(
  { status, location, body }: Answer,
  at?: string | readonly string[],
  direct?: boolean,
): unknown[] {
  const path = typeof at === 'string' ? at : undefined;
  if (status > 299 && status < 400) {
    throw new RedirectError('redirected (HTTP ' + status + ')' + (location ? ' to ' + location : ''), {
      path,
      status,
      location,
    });
  }
  if (status === 401) throw new AuthenticationError('authentication failed (HTTP 401)', { path });
  const failed = status > 299 || status < 200;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (cause) {
    // A failed answer that is not JSON (a proxy's error page) is an HttpError, below.
    if (!failed) throw new ParseError('the answer is not JSON', { path, body, cause });
  }
  const fault = toServerError(value, at);
  if (fault) throw fault;
  if (failed) throw new HttpError('HTTP ' + status, { path, status, body });
  if (direct) return [value];
  if (Array.isArray(value)) return value;
  throw new ParseError('the answer is not a JSON array', { path, body });
}

/**
 * 7.x (JSONFactoryImpl.serializeThrowable): `{"error": {"type", "message"}, "rootCause"?: {"type", "message"}}`.
 * 6.2: `{"exception": "<class or message>", "message"?}`, where a class may come as "class: message".
 */
function toServerError(value: unknown, at: string | readonly string[] | undefined): LiferayError | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { error, exception, message, rootCause } = value as Record<string, unknown>;
  let type: string | undefined;
  let text: string;
  if (error && typeof error === 'object') {
    ({ type, message: text } = toThrowable(error));
  } else if (typeof exception === 'string') {
    const named = /^([a-z_$][\w$]*(?:\.[\w$]+)+)(?::\s*([^]*))?$/i.exec(exception);
    type = named?.[1];
    text = asString(message) ?? named?.[2] ?? exception;
  } else return undefined;
  const command = typeof at === 'object' ? failedCommand(at, text) : undefined;
  const path = typeof at !== 'object' ? at : command === undefined ? undefined : at[command];
  // As the Mobile SDK does (Response.checkPortalException); "Access denied to ..." (a service access policy)
  // stays a ServerError.
  if (type === 'java.lang.SecurityException' && text.startsWith('Authenticated access required'))
    return new AuthenticationError(text, { path });
  return new ServerError(text, {
    path,
    type,
    rootCause: rootCause && typeof rootCause === 'object' ? toThrowable(rootCause) : undefined,
    command,
  });
}

function toThrowable(value: object): { type: string | undefined; message: string } {
  const { type, message } = value as Record<string, unknown>;
  return { type: asString(type), message: asString(message) ?? '' };
}

/**
 * Which command of a request failed. The portal runs a batch's commands in order and stops at the first
 * exception, but its answer does not say which one threw: known when there is one command, or when the
 * portal's message names the path of exactly one of them, as a word (an unknown action, parameters it cannot
 * match: "No JSON web service action with path /blogsentry/get-entry and method POST").
 */
function failedCommand(paths: readonly string[], message: string): number | undefined {
  if (paths.length < 2) return paths.length ? 0 : undefined;
  const words = message.split(/\s+/);
  const named = paths.flatMap((path, index) => (words.includes(path) ? [index] : []));
  return named.length === 1 ? named[0] : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
