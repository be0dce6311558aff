/**
 * `generate()`: the whole pipeline, as a list of stages. Discovery and write are the only I/O besides the
 * caches; every stage in between is a pure function of the previous one's output. Nothing is written unless
 * every stage succeeded for every context. With a cache folder, files whose view did not change come from the
 * render cache (neither rendered nor formatted again), and each run is recorded for write/up-to-date.ts.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { decodeDocument, type DocumentText } from './discovery/index.js';
import { planPackage, stageTimer, type GenerateOptions, type PackagePlan, type StageTimer } from './generate-options.js';
import { buildApi } from './model/index.js';
import type { Api, Context } from './model/types.js';
import { loadTemplates, type Templates } from './render/handlebars.js';
import { isTemplated, joinSections, planPackageFiles, type RenderedFile, type Section } from './render/render-package.js';
import { loadRuntimeFiles } from './render/runtime-sources.js';
import { mapContext, type TypedContext } from './typemap/index.js';
import { VERSION } from './version.js';
import { diffApi, readApiSurface, readPackageApi, type ApiDiff } from './write/api-diff.js';
import { checkPackage, hasDrift, type PackageDrift } from './write/check.js';
import { emitJavaScript } from './write/emit-js.js';
import { Formatter } from './write/format.js';
import type { FormatPool } from './write/format-pool.js';
import { RenderCache, type FileHeader } from './write/render-cache.js';
import { generatorIdentity, runIdentity, type RunIdentity } from './write/run-key.js';
import { saveRunRecord, type PackageFigures, type PackageSummary, type RunSummary } from './write/run-record.js';
import { discoverForGenerate } from './write/up-to-date.js';
import { verifyPackage } from './write/verify.js';
import { ownedEntries, writePackages } from './write/write-package.js';

export type { ContextOptions, GenerateOptions, RenderReport, Stage, Style } from './generate-options.js';
export type { PackageFigures, PackageSummary, RunSummary } from './write/run-record.js';

export interface GeneratedPackage extends PackageFigures {
  readonly files: readonly RenderedFile[];
}

export interface GenerateResult {
  readonly api: Api;
  readonly packages: readonly GeneratedPackage[];
}

export interface PackageCheck {
  readonly package: PackageSummary;
  readonly drift: PackageDrift;
  readonly api: ApiDiff;
}

/** What discovery hands to the rest of the pipeline. */
export interface Discovered {
  readonly texts: readonly DocumentText[];
  readonly time: StageTimer;
  /** The run's identity, to record it by; undefined without a cache folder. */
  readonly identity: RunIdentity | undefined;
}

/** The whole pipeline, always (write/up-to-date.ts has the run that stops when nothing changed). */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  return generateFromTexts(await discover(options), options);
}

/** Everything after discovery; with a cache folder, the run is recorded for the next one to compare with. */
export async function generateFromTexts(discovered: Discovered, options: GenerateOptions): Promise<GenerateResult> {
  const result = await buildPackages(discovered, options);
  await discovered.time('write', async () => {
    await writePackages(result.packages.map(({ out, files }) => ({ out, files })));
    recordRun(discovered, options, result);
  });
  return result;
}

/** `generate --check`: everything but the write, then what writing would change. Writes nothing. */
export async function checkGenerated(options: GenerateOptions): Promise<readonly PackageCheck[]> {
  return checkFromTexts(await discover(options), options);
}

/** The check after discovery; an output found up to date is recorded as such for the next run. */
export async function checkFromTexts(discovered: Discovered, options: GenerateOptions): Promise<readonly PackageCheck[]> {
  const result = await buildPackages(discovered, options);
  const checks = await Promise.all(
    result.packages.map(async (generated) => ({
      package: summarizePackage(generated),
      drift: await checkPackage(generated.out, generated.files),
      api: diffApi(await readPackageApi(generated.out), await readApiSurface(generated.files)),
    })),
  );
  if (!checks.some((check) => hasDrift(check.drift))) recordRun(discovered, options, result);
  return checks;
}

async function discover(options: GenerateOptions): Promise<Discovered> {
  const time = stageTimer(options);
  const texts = await time('discovery', () => discoverForGenerate(options));
  return { texts, time, identity: runIdentity(texts, options) };
}

async function buildPackages({ texts, time }: Discovered, options: GenerateOptions): Promise<GenerateResult> {
  const api = await time('model', () => buildApi(texts.map(decodeDocument)));
  return { api, packages: await renderPackages(api, options, time) };
}

/** For the next run of the same command: what this one reported, and what its output folders now hold. */
function recordRun({ identity }: Discovered, { cacheDir }: GenerateOptions, result: GenerateResult): void {
  if (identity === undefined || cacheDir === undefined) return;
  saveRunRecord(cacheDir, identity, summarize(result), result.packages.map(({ out, files }) => ({ out, owned: [...ownedEntries(files)] })));
}

/** What a run reports: the figures of the CLI's summary line and `--json` output. */
export function summarize({ api, packages }: GenerateResult): RunSummary {
  return { format: api.format, portalVersion: api.portalVersion, packages: packages.map(summarizePackage) };
}

function summarizePackage({ files, ...figures }: GeneratedPackage): PackageSummary {
  return { ...figures, files: files.length };
}

/** Every stage but discovery and write: the packages of `api`, formatted where needed and verified, in memory. */
export async function renderPackages(api: Api, options: GenerateOptions, time = stageTimer(options)): Promise<GeneratedPackage[]> {
  const templates = loadTemplates(options.templates);
  const pool = options.format === true || templates.hasOverrides ? await startFormatPool(api) : undefined;
  try {
    return await renderWith(api, options, templates, time, pool);
  } finally {
    await pool?.close();
  }
}

/** At this many actions, formatting on a worker pays for starting it; it loads prettier while we render. */
const POOL_ACTIONS = 300;
/** A small young generation keeps each worker's heap (and so the run's peak memory) small, at no cost in time. */
const FORMAT_WORKER_YOUNG_MB = 8;

async function startFormatPool(api: Api): Promise<FormatPool | undefined> {
  const actions = api.contexts.reduce((sum, context) => sum + context.services.reduce((count, service) => count + service.actions.length, 0), 0);
  if (actions < POOL_ACTIONS) return undefined;
  // V8 compiles and collects garbage for each worker on other threads, so a worker keeps about two cores busy:
  // on two cores a second worker formats no faster and costs memory (measured: 1.16 s and 166 MiB with one, 1.22 s and 183 MiB with two).
  const workers = Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)));
  const [{ FormatPool }, { resolveEngine }] = await Promise.all([import('./write/format-pool.js'), import('./write/prettier-engine.js')]);
  return new FormatPool(workers, resolveEngine(), { maxYoungGenerationSizeMb: FORMAT_WORKER_YOUNG_MB });
}

async function renderWith(api: Api, options: GenerateOptions, templates: Templates, time: StageTimer, pool: FormatPool | undefined): Promise<GeneratedPackage[]> {
  const typed = await time('typemap', () => api.contexts.map(mapContext));
  // Each file that needs formatting goes to the formatter as soon as it is rendered: formatting overlaps
  // rendering, then type-checking. Built-in templates emit prettier's shape: only with --format, or for
  // what a user's template renders, is prettier loaded at all.
  let formatter: Formatter | undefined;
  const format = (file: RenderedFile): Promise<RenderedFile> => (formatter ??= new Formatter({ cacheDir: options.cacheDir, pool })).add(file);
  const needsFormat = (template: Section['template']): boolean => options.format === true || templates.isOverridden(template);
  const rendered = await time('render', () => renderAll(api, typed, options, templates, { format, needsFormat }));
  const formatted = await time('format', async () => {
    if (options.verify !== false) {
      // Formatting changes no types: the rendered files are checked while the workers format them.
      await time('verify', async () => {
        for (const rendering of rendered) await verifyPackage(renderedFiles(rendering), `context ${rendering.context.context.name}`);
      });
    }
    return Promise.all(rendered.map(finishPackage));
  });
  const emitted = options.emit === 'js' ? await time('emit', () => Promise.all(formatted.map(emitJavaScript))) : formatted;
  return rendered.map(({ context, plan }, index) => {
    const methods = context.services.flatMap((service) => service.methods);
    return {
      context: context.context.name,
      out: plan.out,
      name: plan.name,
      services: context.services.length,
      methods: methods.length,
      actions: methods.reduce((sum, method) => sum + method.overloads.length, 0),
      models: context.context.models.length,
      files: emitted[index] ?? [],
    };
  });
}

/** A package after rendering: files finished already (the runtime), and files made of sections. */
interface RenderedPackage {
  readonly context: TypedContext;
  readonly plan: PackagePlan;
  readonly finished: readonly RenderedFile[];
  readonly sectioned: readonly SectionedFile[];
  readonly cache: RenderCache | undefined;
}

interface SectionedFile {
  readonly path: string;
  readonly sections: readonly RenderedSection[];
}

/** A section from the render cache (formatted already), or rendered now and being formatted. */
interface RenderedSection {
  /** As rendered: what verify checks while formatting goes on; for a cache hit, formatted already. */
  readonly contents: string;
  /** Its render cache key; undefined when it cannot be cached or came from the cache. */
  readonly key: string | undefined;
  readonly formatted: Promise<string>;
  readonly reused: boolean;
}

/** How rendered sections reach prettier: which templates' output needs it, and the formatter. */
interface Formatting {
  readonly needsFormat: (template: Section['template']) => boolean;
  readonly format: (file: RenderedFile) => Promise<RenderedFile>;
}

function renderAll(api: Api, typed: readonly TypedContext[], options: GenerateOptions, templates: Templates, formatting: Formatting): RenderedPackage[] {
  const runtime = loadRuntimeFiles();
  const salt = renderCacheSalt(options);
  return typed.map((context) => {
    const plan = planPackage(context.context, api, options);
    const header = fileHeader(api, context.context);
    const cache = renderCacheFor(options.cacheDir, salt, header, templates);
    const files = planPackageFiles(context, {
      packageName: plan.name,
      callback: plan.styles.includes('callback'),
      emit: options.emit ?? 'ts',
      portalVersion: api.portalVersion,
      header: header.view,
      runtime,
    });
    const finished: RenderedFile[] = [];
    const sectioned: SectionedFile[] = [];
    for (const file of files) {
      if (isTemplated(file)) sectioned.push({ path: file.path, sections: file.sections.map((section) => renderSection(file.path, section, templates, cache, formatting)) });
      else finished.push(file);
    }
    const rendered = sectioned.filter((file) => file.sections.some((section) => !section.reused));
    options.onRender?.({
      context: context.context.name,
      rendered: rendered.map((file) => file.path),
      reused: sectioned.length - rendered.length,
      sections: rendered.map((file) => ({ path: file.path, rendered: file.sections.filter((section) => !section.reused).length, of: file.sections.length })),
    });
    return { context, plan, finished, sectioned, cache };
  });
}

/** A section from the render cache, or rendered now and, when a user's template rendered it, handed to the formatter at once. */
function renderSection(path: string, section: Section, templates: Templates, cache: RenderCache | undefined, formatting: Formatting): RenderedSection {
  const key = cache?.key(section.template, section.view);
  const hit = key === undefined ? undefined : cache?.get(key);
  if (hit !== undefined) return { contents: hit, key: undefined, formatted: Promise.resolve(hit), reused: true };
  const contents = templates.render(section.template, section.view);
  if (!formatting.needsFormat(section.template)) return { contents, key, formatted: Promise.resolve(contents), reused: false };
  const formatted = formatting.format({ path, contents }).then((file) => file.contents);
  // Awaited after verify; until then a formatting failure is not an unhandled rejection.
  formatted.catch(() => undefined);
  return { contents, key, formatted, reused: false };
}

/** Each file as rendered (unformatted), for verify: formatting changes no types. */
function renderedFiles({ finished, sectioned }: RenderedPackage): RenderedFile[] {
  return [...finished, ...sectioned.map((file) => ({ path: file.path, contents: joinSections(file.sections.map((section) => section.contents)) }))];
}

/**
 * The runtime is copied byte for byte (formatting leaves it alone), and cache hits are formatted already:
 * only the sections rendered anew were formatted, and are now cached.
 */
async function finishPackage({ finished, sectioned, cache }: RenderedPackage): Promise<RenderedFile[]> {
  const files = await Promise.all(
    sectioned.map(async (file) => {
      const formatted = await Promise.all(file.sections.map((section) => section.formatted));
      file.sections.forEach((section, index) => {
        const text = formatted[index];
        if (section.key !== undefined && text !== undefined) cache?.set(section.key, section.contents, text);
      });
      return { path: file.path, contents: joinSections(formatted) };
    }),
  );
  return [...finished, ...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The generator's identity, for render cache keys; undefined without a cache folder or when it cannot be read. */
function renderCacheSalt(options: GenerateOptions): string | undefined {
  if (options.cacheDir === undefined) return undefined;
  try {
    return `render 2\0${options.format === true ? 'format' : ''}\0${generatorIdentity(options.templates)}`;
  } catch {
    return undefined;
  }
}

/** No render cache for a context whose hash a template prints verbatim: a hit could not tell the two apart. */
function renderCacheFor(cacheDir: string | undefined, salt: string | undefined, header: FileHeader, templates: Templates): RenderCache | undefined {
  if (cacheDir === undefined || salt === undefined || templates.mentions(header.token)) return undefined;
  return new RenderCache(cacheDir, salt, header);
}

/** Names the generator, the portal version and a hash of the context's normalised discovery (order-free). */
function fileHeader(api: Api, context: Context): FileHeader {
  const normalised = JSON.stringify(context, (key, value: unknown) => (key === 'source' ? undefined : value));
  const hash = createHash('sha256').update(`${api.format}\n${api.portalVersion ?? ''}\n${normalised}`).digest('hex').slice(0, 16);
  const generatedBy = `Generated by liferay-sdk-builder ${VERSION} from Liferay ${api.portalVersion ?? '(version unknown)'}, ${api.format} discovery sha256:${hash}.`;
  return { view: { generatedBy, command: 'npx liferay-sdk-builder generate' }, token: `sha256:${hash}` };
}
