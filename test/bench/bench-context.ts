/** What every benchmark section is given: where the project and its scratch folder are, and the options. */
import type { BenchOptions } from './bench-options.js';

export interface BenchContext {
  /** The project root (package.json, bin/, dist/, node_modules/). */
  readonly root: string;
  /** `<root>/.cache/bench`: generated documents, packages and results. */
  readonly cacheDir: string;
  readonly options: BenchOptions;
  /** Progress on stderr, so stdout carries only the report (a function, passed around on its own). */
  readonly log: (message: string) => void;
}
