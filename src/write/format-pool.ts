/**
 * Format workers, started before they are needed: the generator starts the pool when a large API is about to
 * be rendered, so that loading prettier overlaps type mapping. Files are gathered into batches of about
 * BATCH_BYTES (see format-batch.ts), each handed to the least busy worker as soon as it is full, so that
 * formatting overlaps rendering and, after it, type-checking; a batch not full yet goes once the code that
 * submitted its files yields (rendering is synchronous, so at its end).
 */
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { packagePath } from '../package-root.js';
import { canBatch, type FormatOutcome } from './format-batch.js';
import type { EngineSpec } from './prettier-engine.js';

interface Job {
  readonly text: string;
  readonly parser: string;
}

interface Answer {
  readonly id?: number;
  readonly outcomes?: readonly FormatOutcome[];
}

/**
 * About this many bytes of text per prettier call. Measured on the corpus: 8 KB and 16 KB batches format in
 * the same time, and the worker's memory grows with the batch (16 KB: 6 MiB more at the run's peak).
 */
export const BATCH_BYTES = 8_000;

interface Waiting {
  readonly text: string;
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
}

interface Batch {
  readonly parser: string;
  readonly files: Waiting[];
  bytes: number;
}

// Always the compiled worker, also when this module runs from src/ (tests): workers load plain JavaScript.
const WORKER_URL = pathToFileURL(packagePath('dist/write/format-worker.js'));

interface Pending {
  readonly files: readonly Waiting[];
  readonly worker: number;
  readonly bytes: number;
}

export class FormatPool {
  readonly #workers: Worker[];
  /** Bytes handed to each worker and not yet answered: a new file goes to the least loaded. */
  readonly #load: number[];
  readonly #pending = new Map<number, Pending>();
  /** The batch being filled, per parser. */
  readonly #filling = new Map<string, Batch>();
  #flushScheduled = false;
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

  /** Formats one file on a worker, in a batch with the files submitted around it. */
  submit(job: Job): Promise<string> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      const batch = this.#filling.get(job.parser) ?? { parser: job.parser, files: [], bytes: 0 };
      this.#filling.set(job.parser, batch);
      batch.files.push({ text: job.text, resolve, reject });
      batch.bytes += job.text.length;
      if (!canBatch(job.parser) || batch.bytes >= BATCH_BYTES) this.#dispatch(batch);
      else this.#scheduleFlush();
    });
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      for (const batch of [...this.#filling.values()]) this.#dispatch(batch);
    });
  }

  /** Sends a batch to the least loaded worker. */
  #dispatch(batch: Batch): void {
    this.#filling.delete(batch.parser);
    if (this.#failure !== undefined) {
      for (const file of batch.files) file.reject(this.#failure);
      return;
    }
    const worker = this.#load.indexOf(Math.min(...this.#load));
    const id = this.#next++;
    this.#load[worker] = (this.#load[worker] ?? 0) + batch.bytes;
    this.#pending.set(id, { files: batch.files, worker, bytes: batch.bytes });
    this.#workers[worker]?.postMessage({ id, texts: batch.files.map((file) => file.text), parser: batch.parser });
  }

  #answer(answer: Answer): void {
    const pending = answer.id === undefined ? undefined : this.#pending.get(answer.id);
    if (pending === undefined || answer.id === undefined) return;
    this.#pending.delete(answer.id);
    this.#load[pending.worker] = (this.#load[pending.worker] ?? 0) - pending.bytes;
    pending.files.forEach((file, index) => {
      const outcome = answer.outcomes?.[index];
      if (outcome !== undefined && 'text' in outcome) file.resolve(outcome.text);
      else file.reject(new Error(`formatting failed: ${outcome?.error ?? 'no answer'}`));
    });
  }

  #fail(error: Error): void {
    this.#failure = new Error(`a format worker failed: ${error.message}`, { cause: error });
    for (const pending of this.#pending.values()) for (const file of pending.files) file.reject(this.#failure);
    this.#pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
