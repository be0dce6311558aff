/**
 * Format workers, started before they are needed: the generator starts the pool when a large API is about to
 * be rendered, so that loading prettier in each worker overlaps the type mapping and rendering. Each worker
 * is sent its whole share at once (balanced by size, largest first), so that formatting goes on while the
 * main thread is busy type-checking the same package.
 */
import { Worker } from 'node:worker_threads';
import type { EngineSpec } from './prettier-engine.js';

interface Job {
  readonly text: string;
  readonly parser: string;
}

/** Which engine the workers loaded (they all load the same): part of the format cache's key. */
export interface EngineIdentity {
  readonly name: string;
  readonly version: string;
}

interface Answer {
  readonly id?: number;
  readonly texts?: string[];
  readonly error?: string;
  readonly ready?: EngineIdentity;
}

// Always the compiled worker, also when this module runs from src/ (tests): workers load plain JavaScript.
const WORKER_URL = new URL('../../dist/write/format-worker.js', import.meta.url);

export class FormatPool {
  readonly #workers: Worker[];
  readonly #failed: Promise<never>;
  readonly identity: Promise<EngineIdentity>;
  #nextBatch = 0;

  constructor(size: number, engine: EngineSpec, resourceLimits?: import('node:worker_threads').ResourceLimits) {
    this.#workers = Array.from({ length: size }, () => new Worker(WORKER_URL, { workerData: engine, ...(resourceLimits ? { resourceLimits } : {}) }));
    // A worker that dies fails the run at the next format call, not as an unhandled error.
    this.#failed = new Promise<never>((_, reject) => {
      for (const worker of this.#workers) worker.once('error', reject);
    });
    this.#failed.catch(() => undefined);
    const ready = new Promise<EngineIdentity>((resolve) => {
      for (const worker of this.#workers) worker.once('message', (answer: Answer) => answer.ready !== undefined && resolve(answer.ready));
    });
    this.identity = Promise.race([ready, this.#failed]);
  }

  /** Formats every job; the texts come back in the jobs' order. */
  async format(jobs: readonly Job[]): Promise<string[]> {
    const results = new Array<string>(jobs.length);
    const shares = deal(jobs, this.#workers.length);
    const batches = this.#workers.map(async (worker, index) => {
      const share = shares[index] ?? [];
      if (share.length === 0) return;
      const texts = await this.#send(worker, share.map((position) => jobs[position] as Job));
      share.forEach((position, offset) => {
        results[position] = texts[offset] ?? (jobs[position] as Job).text;
      });
    });
    await Promise.race([Promise.all(batches), this.#failed]);
    return results;
  }

  #send(worker: Worker, files: readonly Job[]): Promise<string[]> {
    const id = this.#nextBatch++;
    return new Promise((resolve, reject) => {
      const receive = (answer: Answer) => {
        if (answer.id !== id) return;
        worker.off('message', receive);
        if (answer.texts !== undefined) resolve(answer.texts);
        else reject(new Error(`formatting failed: ${answer.error ?? 'no answer'}`));
      };
      worker.on('message', receive);
      worker.postMessage({ id, files });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/** Indexes of `jobs` split into `count` shares of about equal bytes. */
function deal(jobs: readonly Job[], count: number): number[][] {
  const shares = Array.from({ length: count }, () => ({ bytes: 0, indexes: [] as number[] }));
  const order = jobs.map((job, index) => ({ index, bytes: job.text.length })).sort((a, b) => b.bytes - a.bytes);
  for (const { index, bytes } of order) {
    const lightest = shares.reduce((least, share) => (share.bytes < least.bytes ? share : least));
    lightest.bytes += bytes;
    lightest.indexes.push(index);
  }
  return shares.map((share) => share.indexes);
}
