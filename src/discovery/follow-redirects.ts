/**
 * Sends a GET and follows redirects by hand, only within the origin first asked, so that credentials never
 * reach another host; at most five hops.
 */
import { badRedirectError, crossOriginRedirectError, redirectLoopError } from './discovery-failures.js';
import type { DiscoveryEvent } from './discovery-event.js';
import { redactUrl } from './portal-url.js';
import { type HttpAnswer, type RequestSettings, sendRequest } from './send-request.js';

const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export interface ExchangeSettings extends RequestSettings {
  readonly emit: (event: DiscoveryEvent) => void;
}

/** The final answer, never a redirect. Throws DiscoveryError for bad redirects and NetworkFailure from sendRequest. */
export async function followRedirects(start: URL, settings: ExchangeSettings, attempt: number): Promise<HttpAnswer> {
  let url = start;
  for (let hops = 0; ; hops += 1) {
    settings.emit({ kind: 'request', url: redactUrl(url), attempt });
    const answer = await sendRequest(url, settings);
    settings.emit({ kind: 'response', url: redactUrl(url), status: answer.status, attempt });
    if (!redirectStatuses.has(answer.status)) return answer;
    const target = redirectTarget(url, answer);
    if (target.origin !== start.origin) throw crossOriginRedirectError(redactUrl(url), target.origin);
    if (hops === maxRedirects) throw redirectLoopError(redactUrl(start), maxRedirects);
    settings.emit({ kind: 'redirect', from: redactUrl(url), to: redactUrl(target), status: answer.status });
    url = target;
  }
}

function redirectTarget(from: URL, answer: HttpAnswer): URL {
  try {
    if (answer.location === undefined) throw new Error('no Location header');
    const target = new URL(answer.location, from);
    target.username = '';
    target.password = '';
    return target;
  } catch (cause) {
    throw badRedirectError(redactUrl(from), answer.status, cause);
  }
}
