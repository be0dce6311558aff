/** What the calling thread and the build worker say to each other (build-in-worker.ts, build-worker.ts). */
import type { DocumentText } from '../discovery/index.js';
import type { BuiltPackages } from '../generate-stages.js';
import type { GenerateOptions, RenderReport, Stage } from '../generate-options.js';
import type { TransferredError } from './transfer-error.js';

/** The worker's input: the discovered documents and the options, without their callbacks (events stand in for them). */
export interface BuildRequest {
  readonly texts: readonly DocumentText[];
  readonly options: GenerateOptions;
  /** The run's cache folder: the worker opens its own view of it (the render and format caches). */
  readonly cacheDir: string | undefined;
  readonly fromOutput: boolean;
}

export type BuildMessage =
  | { readonly kind: 'stage-start'; readonly stage: Stage }
  | { readonly kind: 'stage'; readonly stage: Stage; readonly milliseconds: number }
  | { readonly kind: 'render'; readonly report: RenderReport }
  | { readonly kind: 'built'; readonly built: BuiltPackages }
  | { readonly kind: 'failed'; readonly error: TransferredError };
