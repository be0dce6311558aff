/**
 * Formatting with prettier before anything is written: generated files read as if written by hand and diffs
 * between generations stay small. Cached by content; what is not cached is formatted on every core (worker
 * threads) when there is enough of it to pay for starting them. The runtime is left byte for byte as it is.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { RenderedFile } from '../render/render-package.js';
import { FormatCache } from './format-cache.js';
import { formatInWorkers } from './format-pool.js';

export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;
/** Below this many bytes to format, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 256 * 1024;

export interface FormatOptions {
  /** Where formatted text is cached by content; no cache when undefined. */
  readonly cacheDir?: string | undefined;
}

function parserFor(path: string): string | undefined {
  if (path.startsWith('src/runtime/')) return undefined;
  if (path.endsWith('.ts')) return 'typescript';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

export async function formatFiles(files: readonly RenderedFile[], options: FormatOptions = {}): Promise<RenderedFile[]> {
  const prettierUrl = resolvePrettier();
  const prettier = await import('prettier');
  const cache = options.cacheDir === undefined ? undefined : new FormatCache(options.cacheDir, `${prettier.version}\0${JSON.stringify(PRETTIER_OPTIONS)}`);
  const results: string[] = files.map((file) => file.contents);
  const pending: { index: number; text: string; parser: string; key: string | undefined }[] = [];
  files.forEach((file, index) => {
    const parser = parserFor(file.path);
    if (parser === undefined) return;
    const key = cache?.key(file.contents, parser);
    const hit = key === undefined ? undefined : cache?.get(key);
    if (hit === undefined) pending.push({ index, text: file.contents, parser, key });
    else results[index] = hit;
  });
  const bytes = pending.reduce((sum, job) => sum + job.text.length, 0);
  const workers = Math.min(availableParallelism(), 4);
  const formatted =
    bytes >= WORKER_THRESHOLD && workers > 1
      ? await formatInWorkers(pending, workers, prettierUrl, PRETTIER_OPTIONS)
      : await Promise.all(pending.map((job) => prettier.format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser })));
  pending.forEach((job, position) => {
    const text = formatted[position] ?? job.text;
    results[job.index] = text;
    if (job.key !== undefined) cache?.set(job.key, text);
  });
  return files.map((file, index) => ({ path: file.path, contents: results[index] ?? file.contents }));
}

/** prettier's entry for the workers: import.meta.resolve in Node, require.resolve where that is missing (vitest). */
function resolvePrettier(): string {
  try {
    return import.meta.resolve('prettier');
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve('prettier')).href;
  }
}
