import { DiscoveryError } from '../../src/discovery/index.js';

/** The DiscoveryError a promise rejects with; anything else (including success) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<DiscoveryError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection, got a result'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof DiscoveryError)) throw error;
  return error;
}
