/**
 * Batches: several commands in one `/invoke` request. `BatchSession` queues the calls made on it and sends
 * them when asked (`session.batch`, or by hand); auto-batch.ts coalesces reads made in the same tick.
 */
import { chooseOverload, takesFile, toCommand, type Command } from './command.js';
import { AuthenticationError, LiferayError } from './errors.js';
import type { Callback, CallOptions } from './invoker.js';
import type { Session } from './session.js';
import type { ActionSpec } from './spec.js';

interface Queued {
  readonly command: Command;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * Queues the calls made on it (`invoke`) and sends them as one request (`send`). Each call's promise settles
 * with its own result; if the portal rejects the request, all of them reject with its error, which names
 * the failing command when it can (`ServerError.command`).
 */
export class BatchSession {
  readonly #session: Session;
  #queued: Queued[] = [];

  constructor(session: Session) {
    this.#session = session;
  }

  /** The session's callback, for callback-style calls queued without one. */
  get callback(): Callback<unknown> | null {
    return this.#session.callback;
  }

  /** The session's `onCallbackError`. */
  get onCallbackError(): ((error: unknown) => void) | null {
    return this.#session.onCallbackError;
  }

  /**
   * Queues a call, as generated service methods do; its promise settles when the batch is sent. The batch's
   * own options apply, not the call's.
   */
  invoke(action: ActionSpec, parameters: object, options?: CallOptions): Promise<unknown>;
  /**
   * Sends the batch, as `send(options)` does.
   * @deprecated Call `send(options)`. Without an action, `invoke` still sends the batch, as it did before `send` existed.
   */
  invoke(options?: CallOptions): Promise<unknown[]>;
  invoke(action?: ActionSpec | CallOptions, parameters?: object): Promise<unknown> {
    // An action is an array; anything else is the old way to send. A method called without parameters passes
    // `{}`, so only a caller naming no action at all reaches the deprecated path.
    return Array.isArray(action)
      ? this.#queue(action as ActionSpec, parameters)
      : this.send(action as CallOptions | undefined);
  }

  #queue(action: ActionSpec, parameters: unknown): Promise<unknown> {
    const path = action[0];
    let command: Command;
    try {
      const overload = chooseOverload(action, parameters);
      if (takesFile(overload)) {
        throw new LiferayError('uploads cannot be batched: call this method on the session', {
          path,
          code: 'LIFERAY_UNSUPPORTED',
        });
      }
      command = toCommand(path, overload, parameters as object);
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- toCommand throws LiferayErrors only
      return Promise.reject(error);
    }
    return this.queue(command);
  }

  /** @internal Queues a command as it goes on the wire (a chain's, from chain.ts); settles when the batch is sent. */
  queue(command: Command): Promise<unknown> {
    const call = new Promise((resolve, reject) => this.#queued.push({ command, resolve, reject }));
    // The failure also rejects `send()`: callers that only await that must not see unhandled rejections.
    call.catch(() => undefined);
    return call;
  }

  /** @internal Rejects the calls queued so far with `reason`, and forgets them: the batch is not sent. */
  discard(reason: unknown): void {
    const queued = this.#queued;
    this.#queued = [];
    for (const call of queued) call.reject(reason);
  }

  /** Sends the queued calls as one request and resolves with their results in order (none queued: `[]`). */
  async send(options?: CallOptions): Promise<unknown[]> {
    const queued = this.#queued;
    this.#queued = [];
    if (!queued.length) return [];
    try {
      const results = await this.#session.send(
        queued.map((call) => call.command),
        options,
      );
      queued.forEach((call, i) => call.resolve(results[i]));
      return results;
    } catch (error) {
      // The portal ran the commands before the refused one as the guest, and the batch is not sent again.
      if (queued.length > 1 && error instanceof AuthenticationError && error.message.includes('Authenticated access'))
        error.message += ' (the commands before it ran as the guest)';
      for (const call of queued) call.reject(error);
      throw error;
    }
  }
}

/**
 * `session.batch(build, options)`: the calls `build` makes on a new batch, sent as one request. When `build`
 * throws, the calls it queued before reject with its error and nothing is sent.
 */
export async function runBatch(
  session: Session,
  build: (batch: BatchSession) => readonly unknown[],
  options: CallOptions | undefined,
): Promise<unknown[]> {
  const batch = new BatchSession(session);
  let calls: readonly unknown[];
  try {
    calls = build(batch);
  } catch (error) {
    batch.discard(error);
    throw error;
  }
  // Both awaited together, so a call that failed to queue is never an unhandled rejection meanwhile.
  const [results] = await Promise.all([Promise.all(calls), batch.send(options)]);
  return results;
}
