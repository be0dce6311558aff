/**
 * prettier on generated text, in this thread: texts whose result the format cache has are not formatted
 * again, the others go to prettier in batches of about BATCH_BYTES (see format-batch.ts). The runtime is never
 * formatted (it is copied byte for byte).
 */
import type { FormatCache } from '../incremental/format-cache.js';
import type { RenderedFile } from '../render/render-package.js';
import { formatTexts } from './format-batch.js';
import { FormatError } from './format-error.js';
import { engineIdentity, loadEngine, PRETTIER_OPTIONS, resolveEngine } from './prettier-engine.js';

export { PRETTIER_OPTIONS } from './prettier-engine.js';

/**
 * About this many bytes of text per prettier call. Measured on the corpus: 8 KB and 16 KB batches format in
 * the same time, and memory grows with the batch.
 */
export const BATCH_BYTES = 8_000;

export interface FormatJob {
  readonly path: string;
  readonly text: string;
}

/** The parser of a generated file; undefined for files that are not formatted (the runtime, unknown kinds). */
export function parserFor(path: string): string | undefined {
  if (path.startsWith('src/runtime/')) return undefined;
  if (path.endsWith('.ts')) return 'typescript';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

/** The engine's identity for cache keys, known without loading prettier: its version, plugins and options. */
export function formatterIdentity(): string {
  const identity = engineIdentity(resolveEngine());
  return `${identity.name}\0${identity.version}\0${JSON.stringify(PRETTIER_OPTIONS)}`;
}

/** Each job's text formatted, in order; prettier is loaded only when a text is not in the cache. */
export async function formatJobs(jobs: readonly FormatJob[], cache: FormatCache | undefined): Promise<string[]> {
  const results: (string | undefined)[] = jobs.map(() => undefined);
  const misses = new Map<string, { index: number; key: string | undefined; job: FormatJob }[]>();
  jobs.forEach((job, index) => {
    const parser = parserFor(job.path);
    if (parser === undefined) return void (results[index] = job.text);
    const key = cache?.key(job.text, parser);
    const hit = key === undefined ? undefined : cache?.get(key);
    if (hit !== undefined) return void (results[index] = hit);
    misses.set(parser, [...(misses.get(parser) ?? []), { index, key, job }]);
  });
  if (misses.size > 0) {
    const engine = await loadEngine(resolveEngine());
    for (const [parser, waiting] of misses) {
      for (const batch of batches(waiting, parser)) {
        const outcomes = await formatTexts(
          batch.map((entry) => entry.job.text),
          parser,
          (text, each) => engine.format(text, each),
        );
        batch.forEach((entry, position) => {
          const outcome = outcomes[position];
          if (outcome === undefined || !('text' in outcome))
            throw new FormatError(
              'format.failed',
              `formatting ${entry.job.path} failed: ${outcome?.error ?? 'no answer'}`,
            );
          results[entry.index] = outcome.text;
          if (entry.key !== undefined) cache?.set(entry.key, outcome.text);
        });
      }
    }
  }
  return results.map((text) => text ?? '');
}

/** Consecutive texts in batches of about BATCH_BYTES; JSON and Markdown one by one (they cannot be joined). */
function batches<T extends { job: FormatJob }>(entries: readonly T[], parser: string): T[][] {
  if (parser !== 'typescript') return entries.map((entry) => [entry]);
  const result: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    current.push(entry);
    bytes += entry.job.text.length;
    if (bytes >= BATCH_BYTES) {
      result.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Whole files formatted (tests, the demo): the same path as the format stage takes. */
export async function formatFiles(files: readonly RenderedFile[], cache?: FormatCache): Promise<RenderedFile[]> {
  const texts = await formatJobs(
    files.map((file) => ({ path: file.path, text: file.contents })),
    cache,
  );
  return files.map((file, index) => ({ path: file.path, contents: texts[index] ?? file.contents }));
}
