/**
 * A formatting worker: receives batches of files, formats them with prettier, answers with the results.
 * Runs in a worker thread so that formatting uses every core.
 */
import { parentPort, workerData } from 'node:worker_threads';

interface Job {
  readonly id: number;
  readonly files: readonly { readonly text: string; readonly parser: string }[];
}

const { prettierUrl, options } = workerData as { prettierUrl: string; options: Record<string, unknown> };
const prettier = (await import(prettierUrl)) as typeof import('prettier');

parentPort?.on('message', (job: Job) => {
  Promise.all(job.files.map((file) => prettier.format(file.text, { ...options, parser: file.parser }))).then(
    (texts) => parentPort?.postMessage({ id: job.id, texts }),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
