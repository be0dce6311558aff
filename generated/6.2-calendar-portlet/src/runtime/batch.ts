import type { Callback } from './callback.js';
import { toCommand, type Command } from './command.js';
import { LiferayError } from './errors.js';
import type { CallOptions, Invoker } from './invoker.js';
import { chooseOverload } from './overload.js';
import type { Session } from './session.js';
import type { ActionSpec } from './spec.js';

interface Queued {
  readonly command: Command;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * Queues the calls made on it and sends them as one request when `invoke()` is called without arguments.
 * Each call's promise settles with its own result; if the portal rejects the request, all of them reject.
 */
export class BatchSession implements Invoker {
  readonly #session: Session;
  #queued: Queued[] = [];

  constructor(session: Session) {
    this.#session = session;
  }

  get callback(): Callback<unknown> | null {
    return this.#session.callback;
  }

  get onCallbackError(): ((error: unknown) => void) | null {
    return this.#session.onCallbackError;
  }

  /** Sends the queued calls as one request and resolves with their results in order. */
  invoke(options?: CallOptions): Promise<unknown[]>;
  /** Queues a call; its promise settles when the batch is sent. The batch's own options apply, not the call's. */
  invoke(action: ActionSpec, parameters: object, options?: CallOptions): Promise<unknown>;
  invoke(action?: ActionSpec | CallOptions, parameters?: object): Promise<unknown> {
    return parameters ? this.#queue(action as ActionSpec, parameters) : this.#sendQueued(action as CallOptions | undefined);
  }

  #queue(action: ActionSpec, parameters: object): Promise<unknown> {
    const path = action[0];
    let command: Command;
    try {
      const overload = chooseOverload(action, parameters);
      if (overload.some((spec) => typeof spec !== 'string' && spec[1] === 'file')) {
        throw new LiferayError('uploads cannot be batched: call this method on the session', path);
      }
      command = toCommand(path, overload, parameters);
    } catch (error) {
      return Promise.reject(error);
    }
    const call = new Promise((resolve, reject) => this.#queued.push({ command, resolve, reject }));
    // The failure also rejects `invoke()`: callers that only await that must not see unhandled rejections.
    call.catch(() => undefined);
    return call;
  }

  async #sendQueued(options: CallOptions | undefined): Promise<unknown[]> {
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
      for (const call of queued) call.reject(error);
      throw error;
    }
  }
}
