/**
 * The NetworkError for what a transport threw. Only failed requests need it, so the session loads it when one
 * fails, which keeps it out of an app's core bundle.
 */
import { LiferayError, NetworkError } from './errors.js';

/** @internal The NetworkError for what a transport threw, or `cause` itself when it is a LiferayError. */
export function networkError(cause: unknown, path?: string): LiferayError {
  if (cause instanceof LiferayError) return cause;
  // fetch wraps the socket's error ("fetch failed", "terminated"): the innermost one says what failed, or
  // those of an AggregateError (one per address of the host).
  let inner = cause as { cause?: unknown; errors?: Error[] } | undefined;
  while (inner?.cause instanceof Error && inner.cause !== cause) inner = inner.cause;
  const what = (inner?.errors ?? [inner as Error]).map((error) => error?.message).join('; ') || String(cause);
  // A browser's fetch says only "Failed to fetch", whether CORS or the network refused the request.
  const hint = 'document' in globalThis ? ' (CORS or the network may be the cause)' : '';
  return new NetworkError('network failure: ' + what + hint, { path, cause });
}
