/**
 * A formatting worker: loads the engine once, then formats the batches it is sent one after another (so that
 * only one batch's document is in memory at a time), answering each with its id and one outcome per text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { formatTexts } from './format-batch.js';
import { loadEngine, type EngineSpec } from './prettier-engine.js';

interface Job {
  readonly id: number;
  readonly texts: readonly string[];
  readonly parser: string;
}

const engine = await loadEngine(workerData as EngineSpec);
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: Job) => {
  queue = queue.then(async () => {
    parentPort?.postMessage({ id: job.id, outcomes: await formatTexts(job.texts, job.parser, (text, parser) => engine.format(text, parser)) });
  });
});
