/**
 * Fetches the text of one discovery answer: retries with exponential backoff on connection failures and
 * 502/503/504 only, and turns every other failure into its DiscoveryError.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DiscoveryError } from './discovery-error.js';
import { htmlError, statusError, timeoutError, unreachableError } from './discovery-failures.js';
import { type ExchangeSettings, followRedirects } from './follow-redirects.js';
import { redactUrl } from './portal-url.js';
import { type HttpAnswer, NetworkFailure } from './send-request.js';

export interface FetchSettings extends ExchangeSettings {
  /** Further attempts after the first. */
  readonly retries: number;
  /** ms before the first retry, doubled for each next one. */
  readonly retryDelay: number;
}

const retryStatuses = new Set([502, 503, 504]);

/** A failed attempt that may succeed later; `fail` builds the error to throw once attempts run out. */
interface Retryable {
  readonly reason: string;
  readonly fail: (attempts: number) => DiscoveryError;
}

export async function fetchDocument(url: URL, context: string, settings: FetchSettings): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptFetch(url, context, settings, attempt);
    if (typeof outcome === 'string') return outcome;
    if (attempt > settings.retries) throw outcome.fail(attempt);
    const delay = settings.retryDelay * 2 ** (attempt - 1);
    settings.emit({ kind: 'retry', url: redactUrl(url), attempt, delay, reason: outcome.reason });
    await sleep(delay);
  }
}

async function attemptFetch(
  url: URL,
  context: string,
  settings: FetchSettings,
  attempt: number,
): Promise<string | Retryable> {
  const source = redactUrl(url);
  let answer: HttpAnswer;
  try {
    answer = await followRedirects(url, settings, attempt);
  } catch (error) {
    if (!(error instanceof NetworkFailure)) throw error;
    if (error.reason === 'timeout') throw timeoutError(source, settings.timeout, error.cause);
    const fail = (attempts: number): DiscoveryError => unreachableError(source, error.reason, attempts, error.cause);
    if (!error.retryable) throw fail(attempt);
    return { reason: error.reason, fail };
  }
  return readAnswer(answer, source, context);
}

function readAnswer(answer: HttpAnswer, source: string, context: string): string | Retryable {
  const { status } = answer;
  if (status >= 200 && status < 300) {
    if (/^\s*(text\/html|application\/xhtml\+xml)/i.test(answer.contentType)) throw htmlError(source, answer.body);
    return answer.body;
  }
  if (retryStatuses.has(status)) {
    return { reason: `HTTP ${status}`, fail: (attempts) => statusError(source, status, attempts, context) };
  }
  throw statusError(source, status, 1, context);
}
