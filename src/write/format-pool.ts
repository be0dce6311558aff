/**
 * Formats files on several worker threads: the files are dealt out in balanced batches (largest first), one
 * batch per worker, and the workers are stopped when they are done.
 */
import { Worker } from 'node:worker_threads';

interface Job {
  readonly text: string;
  readonly parser: string;
}

// Always the compiled worker, also when this module runs from src/ (tests): workers load plain JavaScript.
const WORKER_URL = new URL('../../dist/write/format-worker.js', import.meta.url);

export async function formatInWorkers(jobs: readonly Job[], workers: number, prettierUrl: string, options: object): Promise<string[]> {
  const batches = deal(jobs, workers);
  const results: string[] = new Array<string>(jobs.length);
  await Promise.all(
    batches.map(async (batch) => {
      if (batch.length === 0) return;
      const texts = await runWorker(batch.map((index) => jobs[index] as Job), prettierUrl, options);
      batch.forEach((index, position) => {
        results[index] = texts[position] ?? (jobs[index] as Job).text;
      });
    }),
  );
  return results;
}

/** Indexes of `jobs` split into `count` batches of about equal bytes. */
function deal(jobs: readonly Job[], count: number): number[][] {
  const batches = Array.from({ length: count }, () => ({ bytes: 0, indexes: [] as number[] }));
  const order = jobs.map((job, index) => ({ index, bytes: job.text.length })).sort((a, b) => b.bytes - a.bytes);
  for (const { index, bytes } of order) {
    const lightest = batches.reduce((least, batch) => (batch.bytes < least.bytes ? batch : least));
    lightest.bytes += bytes;
    lightest.indexes.push(index);
  }
  return batches.map((batch) => batch.indexes);
}

function runWorker(files: readonly Job[], prettierUrl: string, options: object): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { prettierUrl, options } });
    worker.once('message', (answer: { texts?: string[]; error?: string }) => {
      void worker.terminate();
      if (answer.texts !== undefined) resolve(answer.texts);
      else reject(new Error(`formatting failed: ${answer.error ?? 'unknown error'}`));
    });
    worker.once('error', reject);
    worker.postMessage({ id: 0, files });
  });
}
