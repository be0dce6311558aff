/**
 * Automatic batching (`new Session({ autoBatch })`): the reads a session is given in the same tick go out
 * as one `/invoke` request. Loaded by the session when the option is on, so other apps do not carry it.
 */
import type { Command } from './command.js';
import { ServerError } from './errors.js';

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
 * coalesced request can not repeat a side effect. When the portal answers the batch with an exception, each
 * read is sent again alone so that every caller gets its own result or its own error; any other failure
 * rejects every read with it.
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
      if (this.#waiting.push({ command, path, resolve, reject }) === 1)
        void Promise.resolve().then(() => this.#flush());
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
        // Only a portal exception is worth sending each read alone for its own answer: after a 502, 503 or 504
        // (a failing proxy), as after a network failure, that would multiply the load.
        const retry = error instanceof ServerError;
        for (const waiting of group) {
          if (retry) this.#alone(waiting);
          else waiting.reject(error);
        }
      },
    );
  }

  #alone(waiting: Waiting): void {
    this.#send([waiting.command], waiting.path).then(
      (results) => waiting.resolve(results[0]),
      (error: unknown) => waiting.reject(error),
    );
  }
}
