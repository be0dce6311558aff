/**
 * Hooks: the session's and the call's `onRequest` and `onResponse` around one request. Loaded by the session
 * on first use, only when a hook is set: apps without hooks neither load nor carry this module.
 */
import type { PortalRequest, RequestHook, ResponseHook } from './invoker.js';
import type { Hop } from './redirect.js';
import type { Answer, Exchange } from './session.js';
import { headersOf } from './transport.js';

/** Where hooks are set: the session's options, a call's options. */
export interface Hooks {
  readonly onRequest?: RequestHook | undefined;
  readonly onResponse?: ResponseHook | undefined;
}

/**
 * Runs each `onRequest` on a copy of the request, sends it with the headers they leave, then runs each
 * `onResponse` on the answer. What a hook throws rejects the call as it is; an answer a hook refused is
 * released. `hooks`: the session's first, then the call's.
 */
export async function sendWithHooks<T extends Answer>(
  hooks: readonly (Hooks | undefined)[],
  request: Exchange,
  hop: Hop,
  headers: Readonly<Record<string, string>>,
  send: (headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  // A redirect is followed with a GET without a body.
  const first = hop.index === 0;
  const seen: PortalRequest = {
    url: hop.url,
    method: first ? (request.method ?? 'POST') : 'GET',
    headers: { ...headers },
    body: first ? request.body : undefined,
    path: request.path,
  };
  // Nothing of the session's goes to another origin, so neither do its hooks: they may add credentials.
  if (hop.trusted) for (const hook of hooks) await hook?.onRequest?.(seen);
  const answer = await send(seen.headers);
  const { status } = answer;
  const body = typeof answer.body === 'string' ? answer.body : undefined;
  const response = { url: hop.url, status, headers: headersOf(answer.headers), body };
  try {
    for (const hook of hooks) await hook?.onResponse?.(response, seen);
  } catch (error) {
    answer.cancel?.();
    throw error;
  }
  return answer;
}
