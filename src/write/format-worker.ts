/**
 * A formatting worker: loads the engine once, then formats each batch it is sent, one file after another,
 * answering with the batch's texts. Runs in a worker thread so that formatting uses every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine, type EngineSpec } from './prettier-engine.js';

interface Batch {
  readonly id: number;
  readonly files: readonly { readonly text: string; readonly parser: string }[];
}

const engine = await loadEngine(workerData as EngineSpec);
parentPort?.postMessage({ ready: { name: engine.name, version: engine.version } });
parentPort?.on('message', (batch: Batch) => {
  formatBatch(batch).then(
    (texts) => parentPort?.postMessage({ id: batch.id, texts }),
    (error: unknown) => parentPort?.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

async function formatBatch(batch: Batch): Promise<string[]> {
  const texts: string[] = [];
  for (const file of batch.files) texts.push(await engine.format(file.text, file.parser));
  return texts;
}
