/**
 * Formatting with prettier before anything is written: generated files read as if written by hand and diffs
 * between generations stay small. Cached by content; what is not cached is formatted by the format workers
 * when the generator started them (large APIs), else here. The runtime is left byte for byte as it is.
 */
import type { RenderedFile } from '../render/render-package.js';
import { FormatCache } from './format-cache.js';
import type { FormatPool } from './format-pool.js';
import { loadEngine, PRETTIER_OPTIONS, resolveEngine, type Engine } from './prettier-engine.js';

export { PRETTIER_OPTIONS } from './prettier-engine.js';

export interface FormatOptions {
  /** Where formatted text is cached by content; no cache when undefined. */
  readonly cacheDir?: string | undefined;
  /** Workers to format on; without them, files are formatted in this thread. */
  readonly pool?: FormatPool | undefined;
}

function parserFor(path: string): string | undefined {
  if (path.startsWith('src/runtime/')) return undefined;
  if (path.endsWith('.ts')) return 'typescript';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

let engine: Promise<Engine> | undefined;

/** This thread's engine, loaded on first use (runs that do not format never load prettier). */
export function mainEngine(): Promise<Engine> {
  engine ??= loadEngine(resolveEngine());
  return engine;
}

export async function formatFiles(files: readonly RenderedFile[], options: FormatOptions = {}): Promise<RenderedFile[]> {
  return (await startFormatting(files, options)).done;
}

/**
 * Starts formatting: resolves once every file is taken from the cache or handed to a worker, so that the
 * caller can type-check meanwhile; `done` then gives the formatted files.
 */
export async function startFormatting(files: readonly RenderedFile[], options: FormatOptions = {}): Promise<{ readonly done: Promise<RenderedFile[]> }> {
  const { pool } = options;
  const identity = pool !== undefined ? await pool.identity : await mainEngine();
  const salt = `${identity.name}\0${identity.version}\0${JSON.stringify(PRETTIER_OPTIONS)}`;
  const cache = options.cacheDir === undefined ? undefined : new FormatCache(options.cacheDir, salt);
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
  const formatting = pool !== undefined && pending.length > 0 ? pool.format(pending) : formatHere(pending);
  const done = formatting.then((formatted) => {
    pending.forEach((job, position) => {
      const text = formatted[position] ?? job.text;
      results[job.index] = text;
      if (job.key !== undefined) cache?.set(job.key, text);
    });
    return files.map((file, index) => ({ path: file.path, contents: results[index] ?? file.contents }));
  });
  // Awaited by the caller after its own work; until then a failure must not count as unhandled.
  done.catch(() => undefined);
  return { done };
}

async function formatHere(jobs: readonly { text: string; parser: string }[]): Promise<string[]> {
  const local = await mainEngine();
  return Promise.all(jobs.map((job) => local.format(job.text, job.parser)));
}
