/**
 * Incremental generation, behind one small interface that `generate()` and `check()` pass to the stages:
 * the up-to-date check right after discovery (the last run of the same command left its outputs as this one
 * would write them: stop there), the render cache (finished sections by view), the format cache (formatted
 * text by content), and the record of each successful run. All of it lives under one cache folder, in
 * Stores (`format/`, `render/`, `runs/`); without it, every run does the whole work.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DocumentText } from '../discovery/decode-document.js';
import type { GenerateOptions } from '../generate-options.js';
import { FormatCache } from './format-cache.js';
import { RenderCache } from './render-cache.js';
import { checkUpToDate, saveRunRecord, type RunSummary, type UpToDate, type WrittenOutput } from './run-record.js';
import { generatorIdentity, runIdentity, type RunIdentity } from './run-key.js';
import { Store } from './store.js';

/** One run's view of the cache folder. */
export interface Incremental {
  /** Right after discovery: whether the last run of this command left its outputs exactly as this one would write them. */
  lookUp(texts: readonly DocumentText[]): UpToDate;
  /** The render cache of one context's package; undefined when the generator's identity cannot be read. */
  renderCache(context: string): RenderCache | undefined;
  /** The format cache, for an engine identity (prettier's version, plugins and options). */
  formatCache(engine: string): FormatCache;
  /**
   * At the end of a run: waits for the caches' writes; with a run (its outputs written, or found identical
   * by --check), records it for the next run's lookUp.
   */
  finish(run?: { readonly summary: RunSummary; readonly outputs: readonly WrittenOutput[] }): Promise<void>;
}

/** Entries kept per store: the full-size corpus makes about 300 formatted files, so this holds many versions of several portals. */
const MAX_FORMATTED = 20_000;
/** Render packs, one per context and generator build (a 7.3 portal's is about 5 MB). */
const MAX_RENDER_PACKS = 32;
/** Run records: enough for every project a developer switches between. */
export const MAX_RECORDS = 64;

/** `$XDG_CACHE_HOME/liferay-sdk-builder`, or `~/.cache/liferay-sdk-builder`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'liferay-sdk-builder');
}

export function openIncremental(cacheDir: string, options: GenerateOptions): Incremental {
  const stores = {
    format: new Store(join(cacheDir, 'format'), MAX_FORMATTED),
    render: new Store(join(cacheDir, 'render'), MAX_RENDER_PACKS),
    runs: new Store(join(cacheDir, 'runs'), MAX_RECORDS),
  };
  let identity: RunIdentity | undefined;
  const salt = renderSalt(options);
  const renderCaches = new Map<string, RenderCache>();
  return {
    lookUp(texts) {
      identity = runIdentity(texts, options);
      return identity === undefined
        ? { upToDate: false, reason: 'an input could not be read' }
        : checkUpToDate(stores.runs, identity);
    },
    renderCache(context) {
      if (salt === undefined) return undefined;
      let cache = renderCaches.get(context);
      if (cache === undefined) {
        cache = new RenderCache(stores.render, salt, context);
        renderCaches.set(context, cache);
      }
      return cache;
    },
    formatCache: (engine) => new FormatCache(stores.format, engine),
    async finish(run) {
      if (identity !== undefined && run !== undefined) saveRunRecord(stores.runs, identity, run.summary, run.outputs);
      for (const cache of renderCaches.values()) cache.commit();
      await Promise.all(Object.values(stores).map((store) => store.flush()));
    },
  };
}

/** The generator's identity, for render cache keys; undefined when it cannot be read (then nothing is cached). */
function renderSalt(options: GenerateOptions): string | undefined {
  try {
    // A run with --format keeps its own entries: the same view, formatted by prettier rather than as rendered.
    return `${options.format === true ? 'format\0' : ''}${generatorIdentity(options.templates)}`;
  } catch {
    return undefined;
  }
}
