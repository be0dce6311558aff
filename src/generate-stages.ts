/**
 * The stages after discovery, as `generate()` and `check()` call them: loaded only when a run has work to do
 * (they pull in Handlebars, ts-morph and prettier). `buildPackages` is the in-memory part, model to finished
 * files: what the CLI writes and what the tests compare with the goldens.
 */
import { checkPackage } from './check/check.js';
import { releasePackages } from './check/release-packages.js';
import { decodeDocument, filterDocument, type DiscoveryDocument, type DocumentText } from './discovery/index.js';
import { formatPackages, formatSelection } from './format/format-packages.js';
import type { GeneratedPackage } from './check/release-packages.js';
import { checkLayout, filterOf, type GenerateOptions, type StageTimer } from './generate-options.js';
import type { PackageCheck } from './generate.js';
import type { Incremental } from './incremental/incremental.js';
import type { PackageSummary, RunSummary, WrittenOutput } from './incremental/run-record.js';
import { buildApi } from './model/index.js';
import type { Api } from './model/types.js';
import { loadTemplates } from './render/handlebars.js';
import { layoutFiles, typeCheckFiles } from './render/layout.js';
import { renderPackages } from './render/render-packages.js';
import { loadRuntimeFiles } from './render/runtime-sources.js';
import { mapContext } from './typemap/index.js';
import { emitJavaScript } from './verify/emit-js.js';
import { verifyFiles, verifyFolder } from './verify/verify-package.js';
import { discardStaged, ownedEntries, type StagedPackage } from './write/write-package.js';

export { hasDrift } from './check/check.js';
export { stagePackages, swapInPackages } from './write/write-package.js';

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

/** Verify on the staged folders, before they are swapped in; a failure removes them and writes nothing. */
export async function verifyStaged(
  staged: readonly StagedPackage[],
  packages: readonly GeneratedPackage[],
  options: GenerateOptions,
  time: StageTimer,
): Promise<void> {
  if (!needsVerify(options)) return;
  try {
    await time('verify', async () => {
      for (const [index, stage] of staged.entries()) {
        const pkg = packages[index];
        const label = `context ${pkg?.context ?? '?'}`;
        await (pkg?.typeCheck === undefined ? verifyFolder(stage.staging, label) : verifyFiles(pkg.typeCheck, label));
      }
    });
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
}

/** `--check` writes nothing: verify runs on a temporary copy of each package. */
export async function verifyInMemory(
  packages: readonly GeneratedPackage[],
  options: GenerateOptions,
  time: StageTimer,
): Promise<void> {
  if (!needsVerify(options)) return;
  await time('verify', async () => {
    for (const pkg of packages) await verifyFiles(pkg.typeCheck ?? pkg.files, `context ${pkg.context}`);
  });
}

/** With --emit js the compiler has checked the package already (see buildFromApi). */
function needsVerify(options: GenerateOptions): boolean {
  return options.verify !== false && options.emit !== 'js';
}

/** What writing each package would change on disk: files, and services, methods and signatures. */
export function comparePackages(packages: readonly GeneratedPackage[]): Promise<PackageCheck[]> {
  return Promise.all(
    packages.map(async (pkg) => ({
      package: summarizePackage(pkg),
      drift: await checkPackage(pkg.out, pkg.files),
      release: pkg.release,
    })),
  );
}

/** What a run reports: the figures of the CLI's summary line and `--json` output. */
export function summarize({ format, portalVersion, packages }: BuiltPackages): RunSummary {
  return { format, portalVersion, packages: packages.map(summarizePackage) };
}

function summarizePackage({
  context,
  out,
  name,
  services,
  methods,
  actions,
  models,
  files,
  release,
}: GeneratedPackage): PackageSummary {
  return { context, out, name, services, methods, actions, models, files: files.length, version: release.version };
}

/** What the run record keeps of each output: its folder and the entries the generator owns there. */
export function writtenOutputs(packages: readonly GeneratedPackage[]): WrittenOutput[] {
  return packages.map(({ out, files }) => ({ out, owned: [...ownedEntries(files)] }));
}
