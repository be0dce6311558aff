/**
 * A formatting worker: loads the engine once, then formats the files it is sent one after another (so that
 * only one file's document is in memory at a time), answering each with its id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine, type EngineSpec } from './prettier-engine.js';

interface Job {
  readonly id: number;
  readonly text: string;
  readonly parser: string;
}

const engine = await loadEngine(workerData as EngineSpec);
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: Job) => {
  queue = queue.then(() =>
    engine.format(job.text, job.parser).then(
      (text) => parentPort?.postMessage({ id: job.id, text }),
      (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
