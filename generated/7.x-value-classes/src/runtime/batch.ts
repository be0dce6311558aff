/**
 * Batches: several commands in one `/invoke` request. `BatchSession` sends the calls made on it when asked
 * (`session.batch`); `AutoBatch` coalesces the reads a session is given in the same tick.
 */
import { chooseOverload, toCommand, type Command } from './command.js';
import { HttpError, LiferayError, ServerError } from './errors.js';
import type { CallOptions, Invoker } from './invoker.js';
import type { Callback } from './service.js';
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

/** Coalescing of concurrent reads into one request. */
export interface AutoBatchOptions {
  /** The most commands in one request (default 50). */
  readonly maxCommands?: number;
  /** Method-name prefixes of the actions that only read (default get, fetch, search, has, is, count, find). */
  readonly readPrefixes?: readonly string[];
}

interface Waiting {
  readonly command: Command;
  readonly path: string;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

type Send = (commands: readonly Command[], path?: string) => Promise<unknown[]>;

/**
 * Reads made in the same tick go out together as one batch; writes never do, so a failure or retry of a
 * coalesced request can not repeat a side effect. When the portal rejects the batch as a whole, each read is
 * sent again alone so that every caller gets its own result or its own error.
 */
export class AutoBatch {
  readonly #send: Send;
  readonly #max: number;
  readonly #prefixes: readonly string[];
  #waiting: Waiting[] = [];

  constructor(send: Send, options: AutoBatchOptions) {
    this.#send = send;
    this.#max = options.maxCommands ?? 50;
    this.#prefixes = options.readPrefixes ?? ['get', 'fetch', 'search', 'has', 'is', 'count', 'find'];
  }

  /** Whether the action only reads, judged from its method name (`get-user-by-id` → `getUserById`). */
  coalesces(path: string): boolean {
    const method = path.slice(path.lastIndexOf('/') + 1).replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());
    // "is" must not match "issue": the prefix ends the name or is followed by an upper-case word.
    return this.#prefixes.some((prefix) => method.startsWith(prefix) && !/[a-z]/.test(method.charAt(prefix.length)));
  }

  add(command: Command, path: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.#waiting.push({ command, path, resolve, reject }) === 1) void Promise.resolve().then(() => this.#flush());
    });
  }

  #flush(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (let i = 0; i < waiting.length; i += this.#max) this.#dispatch(waiting.slice(i, i + this.#max));
  }

  #dispatch(group: readonly Waiting[]): void {
    const [first] = group;
    if (group.length === 1 && first) return this.#alone(first);
    this.#send(group.map((waiting) => waiting.command)).then(
      (results) => group.forEach((waiting, i) => waiting.resolve(results[i])),
      (error: unknown) => {
        const retry = error instanceof ServerError || error instanceof HttpError;
        for (const waiting of group) {
          if (retry) this.#alone(waiting);
          else waiting.reject(error);
        }
      },
    );
  }

  #alone(waiting: Waiting): void {
    this.#send([waiting.command], waiting.path).then((results) => waiting.resolve(results[0]), waiting.reject);
  }
}
