/**
 * The in-memory build (model → typemap → render → format → release) in a worker thread that has ended before
 * verify starts the compiler. The build's heap (the model, every rendered file, and ts-morph's TypeScript when
 * the release stage compares the API with the committed package) goes with the thread, so the calling process and the compiler never hold their peaks at the same time: a cold
 * 7.0 run with verify peaked at 178 MiB with the build in the main thread (docs/performance.md).
 *
 * The worker runs compiled JavaScript: the CLI's bundle and the library's dist/ have it next to this module.
 * Run from TypeScript sources (the tests), there is none, and the same build runs in the calling thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentText } from '../discovery/index.js';
import type { GenerateOptions, StageTimer } from '../generate-options.js';
import type { BuiltPackages } from '../generate-stages.js';
import type { Incremental } from '../incremental/incremental.js';
import type { BuildMessage, BuildRequest } from './build-messages.js';
import { canTransfer, reviveError } from './transfer-error.js';

export interface BuildRun {
  readonly time: StageTimer;
  readonly incremental: Incremental | undefined;
  /** The folder `incremental` was opened on: the worker opens its own view of it. */
  readonly cacheDir: string | undefined;
}

const WORKER = new URL('./build-worker.js', import.meta.url);

/** The build's result, and when the thread that made it has ended (its memory given back, its cache writes done). */
export interface Build {
  readonly built: BuiltPackages;
  /** Awaited before verify starts the compiler; resolves also when there was no thread. */
  readonly ended: Promise<void>;
}

/** Every context's package, finished, in memory: built in a worker thread when one can be started. */
export async function buildPackagesIsolated(
  texts: readonly DocumentText[],
  options: GenerateOptions,
  run: BuildRun,
): Promise<Build> {
  if (!existsSync(fileURLToPath(WORKER))) {
    const { buildPackages } = await import('../generate-stages.js');
    const built = await buildPackages(texts, options, {
      time: run.time,
      incremental: run.incremental,
      fromOutput: true,
    });
    return { built, ended: Promise.resolve() };
  }
  const request: BuildRequest = { texts, options: transferable(options), cacheDir: run.cacheDir, fromOutput: true };
  return inWorker(request, options);
}

/**
 * Starts the worker and resolves with its result as soon as it comes (the thread then finishes the caches'
 * writes while the caller writes the packages), passing its events on to the options' callbacks as they come.
 */
function inWorker(request: BuildRequest, options: GenerateOptions): Promise<Build> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: request });
    let settled = false;
    const ended = new Promise<void>((done) => worker.once('exit', () => done()));
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      // The error is the caller's once the thread has ended: nothing of the build outlives the call.
      void ended.then(() => reject(error));
    };
    worker.on('message', (message: BuildMessage) => {
      // The worker's own stage times, as the calling thread's timer would have reported them.
      if (message.kind === 'stage-start') options.onStageStart?.(message.stage);
      else if (message.kind === 'stage') options.onStage?.(message.stage, message.milliseconds);
      else if (message.kind === 'render') options.onRender?.(message.report);
      else if (message.kind === 'failed') fail(reviveError(message.error));
      else if (!settled) {
        settled = true;
        resolve({ built: message.built, ended });
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the build worker stopped (exit code ${code}) without a result`)));
  });
}

/** The options a worker can be given: callbacks (forwarded as events) and what cannot cross threads are left out. */
function transferable(options: GenerateOptions): GenerateOptions {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== 'function' && canTransfer(value)) kept[key] = value;
  }
  return kept;
}
