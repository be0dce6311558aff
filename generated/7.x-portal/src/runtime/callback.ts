import { LiferayError } from './errors.js';
import type { CallOptions, Invoker } from './invoker.js';
import type { ActionSpec } from './spec.js';

/** Receives the outcome of a callback-style call: exactly one method is called, once, asynchronously. */
export interface Callback<T> {
  onSuccess(result: T): void;
  onFailure(error: LiferayError): void;
}

/**
 * Runs a call for callback-style generated methods, with the given callback or else the session's. What a
 * callback throws is not a failure of the call: it goes to `onCallbackError` or surfaces as uncaught.
 */
export function invokeWithCallback<T>(
  invoker: Invoker,
  action: ActionSpec,
  parameters: object,
  callback: Callback<T> | undefined,
  options: CallOptions | undefined,
): void {
  const target = (callback ?? invoker.callback) as Callback<unknown> | null | undefined;
  if (!target) throw new LiferayError('no callback: pass one to this method or set session.callback', action[0]);
  invoker.invoke(action, parameters, options).then(
    (result) => deliver(invoker, () => target.onSuccess(result)),
    (error: unknown) =>
      deliver(invoker, () => target.onFailure(error instanceof LiferayError ? error : new LiferayError(String(error), action[0], error))),
  );
}

function deliver(invoker: Invoker, run: () => void): void {
  try {
    run();
  } catch (error) {
    try {
      if (!invoker.onCallbackError) throw error;
      invoker.onCallbackError(error);
    } catch (uncaught) {
      // A new macrotask makes it a real uncaught exception, not a rejection nobody listens to.
      setTimeout(() => {
        throw uncaught;
      }, 0);
    }
  }
}
