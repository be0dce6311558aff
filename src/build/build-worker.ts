/** The build worker's entry (started by build-in-worker.ts): one in-memory build, its events, then its result. */
import { parentPort, workerData } from 'node:worker_threads';
import { stageTimer, type RenderReport } from '../generate-options.js';
import { buildPackages } from '../generate-stages.js';
import { openIncremental } from '../incremental/incremental.js';
import type { BuildMessage, BuildRequest } from './build-messages.js';
import { transferError } from './transfer-error.js';

const port = parentPort;
if (port === null) throw new Error('build-worker.js runs only as a worker thread');
const post = (message: BuildMessage): void => port.postMessage(message);

async function build({ texts, options: given, cacheDir, fromOutput }: BuildRequest): Promise<void> {
  const options = { ...given, onRender: (report: RenderReport) => post({ kind: 'render', report }) };
  const time = stageTimer({
    onStageStart: (stage) => post({ kind: 'stage-start', stage }),
    onStage: (stage, milliseconds) => post({ kind: 'stage', stage, milliseconds }),
  });
  const incremental = cacheDir === undefined ? undefined : openIncremental(cacheDir, options);
  try {
    const built = await buildPackages(texts, options, { time, incremental, fromOutput });
    // The result goes first: the calling thread writes the packages while this one finishes the caches'
    // writes, which land before the thread ends. The calling thread records the run.
    post({ kind: 'built', built });
  } catch (error) {
    post({ kind: 'failed', error: transferError(error) });
  } finally {
    await incremental?.finish().catch(() => undefined);
  }
}

await build(workerData as BuildRequest);
