/**
 * Format workers, started before they are needed: the generator starts the pool when a large API is about to
 * be rendered, so that loading prettier overlaps type mapping, and each file is handed to the least busy worker
 * as soon as it is rendered, so that formatting overlaps rendering and, after it, type-checking.
 */
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { packagePath } from '../package-root.js';
import type { EngineSpec } from './prettier-engine.js';

interface Job {
  readonly text: string;
  readonly parser: string;
}

interface Answer {
  readonly id?: number;
  readonly text?: string;
  readonly error?: string;
}

// Always the compiled worker, also when this module runs from src/ (tests): workers load plain JavaScript.
const WORKER_URL = pathToFileURL(packagePath('dist/write/format-worker.js'));

interface Pending {
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
  readonly worker: number;
  readonly bytes: number;
}

export class FormatPool {
  readonly #workers: Worker[];
  /** Bytes handed to each worker and not yet answered: a new file goes to the least loaded. */
  readonly #load: number[];
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  #failure: Error | undefined;

  constructor(size: number, engine: EngineSpec, resourceLimits?: ResourceLimits) {
    this.#workers = Array.from({ length: size }, () => new Worker(WORKER_URL, { workerData: engine, ...(resourceLimits ? { resourceLimits } : {}) }));
    this.#load = this.#workers.map(() => 0);
    for (const worker of this.#workers) {
      worker.on('message', (answer: Answer) => this.#answer(answer));
      // A worker that dies fails every file it had and every later one, not the process.
      worker.once('error', (error) => this.#fail(error));
    }
  }

  /** Formats one file on the least loaded worker. */
  submit(job: Job): Promise<string> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const worker = this.#load.indexOf(Math.min(...this.#load));
    const id = this.#next++;
    this.#load[worker] = (this.#load[worker] ?? 0) + job.text.length;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, worker, bytes: job.text.length });
      this.#workers[worker]?.postMessage({ id, text: job.text, parser: job.parser });
    });
  }

  #answer(answer: Answer): void {
    const pending = answer.id === undefined ? undefined : this.#pending.get(answer.id);
    if (pending === undefined || answer.id === undefined) return;
    this.#pending.delete(answer.id);
    this.#load[pending.worker] = (this.#load[pending.worker] ?? 0) - pending.bytes;
    if (answer.text !== undefined) pending.resolve(answer.text);
    else pending.reject(new Error(`formatting failed: ${answer.error ?? 'no answer'}`));
  }

  #fail(error: Error): void {
    this.#failure = new Error(`a format worker failed: ${error.message}`, { cause: error });
    for (const pending of this.#pending.values()) pending.reject(this.#failure);
    this.#pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
