/**
 * The in-memory build, model to finished files: what `generate()` and `check()` write or compare (in a worker
 * thread, build/build-in-worker.ts) and what the tests compare with the goldens. Loaded only when a run has
 * work to do: it pulls in Handlebars, ts-morph and prettier.
 */
import { releasePackages } from './check/release-packages.js';
import { decodeDocument, filterDocument, type DiscoveryDocument, type DocumentText } from './discovery/index.js';
import { formatPackages, formatSelection } from './format/format-packages.js';
import type { GeneratedPackage } from './check/release-packages.js';
import { checkLayout, filterOf, type GenerateOptions, type StageTimer } from './generate-options.js';
import type { Incremental } from './incremental/incremental.js';
import { buildApi } from './model/index.js';
import type { Api } from './model/types.js';
import { loadTemplates } from './render/handlebars.js';
import { layoutFiles, typeCheckFiles } from './render/layout.js';
import { renderPackages } from './render/render-packages.js';
import { loadRuntimeFiles } from './render/runtime-sources.js';
import { mapContext } from './typemap/index.js';
import { emitJavaScript } from './verify/emit-js.js';

/** Every context's package, finished, with what the model says of the documents. */
export interface BuiltPackages extends Pick<Api, 'format' | 'portalVersion'> {
  readonly packages: readonly GeneratedPackage[];
}

export interface BuildContext {
  readonly time: StageTimer;
  readonly incremental?: Incremental | undefined;
  /**
   * Whether each package follows on from the one in its output folder (its version and changelog), as
   * `generate` and `--check` do; otherwise each is a new package at 1.0.0 (the golden tests).
   */
  readonly fromOutput?: boolean;
}

/** Model → typemap → render → format (→ emit js): every context's package, finished, in memory. */
export async function buildPackages(
  texts: readonly DocumentText[],
  options: GenerateOptions,
  context: BuildContext,
): Promise<BuiltPackages> {
  const api = await context.time('model', () => buildApi(texts.map((text) => decodeAndFilter(text, options))));
  return { format: api.format, portalVersion: api.portalVersion, packages: await buildFromApi(api, options, context) };
}

/** A document decoded, then filtered by its context's filter (a configuration file's) or the run's. */
function decodeAndFilter(text: DocumentText, options: GenerateOptions): DiscoveryDocument {
  const document = decodeDocument(text);
  return filterDocument(document, filterOf(document.context, options));
}

/** The same from a model built already (tests build one model for several checks). */
export async function buildFromApi(
  api: Api,
  options: GenerateOptions,
  { time, incremental, fromOutput = false }: BuildContext,
): Promise<GeneratedPackage[]> {
  const layout = checkLayout(options);
  const typed = await time('typemap', () => api.contexts.map(mapContext));
  const resources = { options, templates: loadTemplates(options.templates), runtime: loadRuntimeFiles(), incremental };
  const rendered = await time('render', () => renderPackages(api, typed, resources));
  // Built-in templates emit prettier's shape: prettier formats what a user's template rendered, or all with --format.
  const select = formatSelection(options.format === true, resources.templates);
  const formatted = await time('format', () => formatPackages(rendered, { incremental, select }));
  const released = await time('release', () =>
    releasePackages(rendered, formatted, {
      options,
      templates: resources.templates,
      incremental,
      fromOutput,
      layout,
      select,
    }),
  );
  if (layout === 'sources')
    return released.map((pkg) => ({
      ...pkg,
      files: layoutFiles(pkg.files, layout),
      typeCheck: typeCheckFiles(pkg.files),
    }));
  if (options.emit !== 'js') return released;
  // Compiling is type-checking: with verify on, a diagnostic fails the run here, as verify would.
  return time('emit', () =>
    Promise.all(
      released.map(async (pkg) => ({
        ...pkg,
        files: await emitJavaScript(pkg.files, { verify: options.verify !== false, label: `context ${pkg.context}` }),
      })),
    ),
  );
}
