/**
 * Formatting with prettier before anything is written: generated files read as if written by hand and diffs
 * between generations stay small. Cached by content; what is not cached is formatted by the format workers
 * when the generator started them (large APIs), else here. The runtime is left byte for byte as it is.
 * Files can be handed over one at a time as they are rendered, so that formatting overlaps rendering.
 */
import type { RenderedFile } from '../render/render-package.js';
import { FormatCache } from './format-cache.js';
import type { FormatPool } from './format-pool.js';
import { engineIdentity, loadEngine, PRETTIER_OPTIONS, resolveEngine, type Engine, type EngineSpec } from './prettier-engine.js';

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

let spec: EngineSpec | undefined;
let engine: Promise<Engine> | undefined;

/** This thread's engine, loaded on first use (runs that do not format never load prettier). */
function mainEngine(): Promise<Engine> {
  engine ??= loadEngine(engineSpec());
  return engine;
}

function engineSpec(): EngineSpec {
  spec ??= resolveEngine();
  return spec;
}

export async function formatFiles(files: readonly RenderedFile[], options: FormatOptions = {}): Promise<RenderedFile[]> {
  const formatter = new Formatter(options);
  return Promise.all(files.map((file) => formatter.add(file)));
}

/** Formats the files it is given, each as soon as it is given; a failure rejects that file's promise. */
export class Formatter {
  readonly #pool: FormatPool | undefined;
  readonly #cache: FormatCache | undefined;

  constructor(options: FormatOptions = {}) {
    this.#pool = options.pool;
    const identity = engineIdentity(engineSpec());
    const salt = `${identity.name}\0${identity.version}\0${JSON.stringify(PRETTIER_OPTIONS)}`;
    this.#cache = options.cacheDir === undefined ? undefined : new FormatCache(options.cacheDir, salt);
  }

  /** Hands the file to a worker at once (or formats it here); resolves with the formatted file. */
  add(file: RenderedFile): Promise<RenderedFile> {
    const parser = parserFor(file.path);
    if (parser === undefined) return Promise.resolve(file);
    const key = this.#cache?.key(file.contents, parser);
    const hit = key === undefined ? undefined : this.#cache?.get(key);
    if (hit !== undefined) return Promise.resolve({ path: file.path, contents: hit });
    const formatted = this.#pool !== undefined ? this.#pool.submit({ text: file.contents, parser }) : mainEngine().then((local) => local.format(file.contents, parser));
    const result = formatted.then((contents) => {
      if (key !== undefined) this.#cache?.set(key, contents);
      return { path: file.path, contents };
    });
    // Awaited later (the caller may be type-checking meanwhile); until then a failure is not unhandled.
    result.catch(() => undefined);
    return result;
  }
}
