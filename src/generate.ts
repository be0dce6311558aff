/**
 * `generate()`: the whole pipeline, as a list of stages. Discovery and write are the only I/O; every stage
 * in between is a pure function of the previous one's output. Nothing is written unless every stage
 * succeeded for every context.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { discoverDocuments, type DiscoveryDocument } from './discovery/index.js';
import { planPackage, type GenerateOptions, type Stage } from './generate-options.js';
import { buildApi } from './model/index.js';
import type { Api, Context } from './model/types.js';
import { loadTemplates } from './render/handlebars.js';
import { renderPackage, type RenderedFile } from './render/render-package.js';
import { loadRuntimeFiles } from './render/runtime-sources.js';
import { mapContext, type TypedContext } from './typemap/index.js';
import { VERSION } from './version.js';
import { diffApi, readApiSurface, readPackageApi, type ApiDiff } from './write/api-diff.js';
import { checkPackage, type PackageDrift } from './write/check.js';
import { emitJavaScript } from './write/emit-js.js';
import { startFormatting } from './write/format.js';
import type { FormatPool } from './write/format-pool.js';
import { verifyPackage } from './write/verify.js';
import { writePackages } from './write/write-package.js';

export type { ContextOptions, GenerateOptions, Stage, Style } from './generate-options.js';

export interface GeneratedPackage {
  readonly context: string;
  readonly out: string;
  readonly name: string;
  readonly services: number;
  readonly methods: number;
  readonly actions: number;
  readonly models: number;
  readonly files: readonly RenderedFile[];
}

export interface GenerateResult {
  readonly api: Api;
  readonly packages: readonly GeneratedPackage[];
}

export interface PackageCheck {
  readonly package: GeneratedPackage;
  readonly drift: PackageDrift;
  readonly api: ApiDiff;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const time = timer(options);
  const documents = await time('discovery', () => discoverAll(options));
  const api = await time('model', () => buildApi(documents));
  const packages = await renderPackages(api, options, time);
  await time('write', () => writePackages(packages.map(({ out, files }) => ({ out, files }))));
  return { api, packages };
}

/** `generate --check`: everything but the write, then what writing would change. Writes nothing. */
export async function checkGenerated(options: GenerateOptions): Promise<{ readonly api: Api; readonly checks: readonly PackageCheck[] }> {
  const time = timer(options);
  const documents = await time('discovery', () => discoverAll(options));
  const api = await time('model', () => buildApi(documents));
  const packages = await renderPackages(api, options, time);
  const checks = await Promise.all(
    packages.map(async (generated) => ({
      package: generated,
      drift: await checkPackage(generated.out, generated.files),
      api: diffApi(await readPackageApi(generated.out), await readApiSurface(generated.files)),
    })),
  );
  return { api, checks };
}

/** Every stage but discovery and write: the packages of `api`, formatted and verified, in memory. */
export async function renderPackages(api: Api, options: GenerateOptions, time = timer(options)): Promise<GeneratedPackage[]> {
  const pool = await startFormatPool(api);
  try {
    return await renderWith(api, options, time, pool);
  } finally {
    await pool?.close();
  }
}

/** At this many actions, formatting on workers pays for starting them; they load prettier while we render. */
const POOL_ACTIONS = 300;
const FORMAT_WORKER_YOUNG_MB = 8;

async function startFormatPool(api: Api): Promise<FormatPool | undefined> {
  const actions = api.contexts.reduce((sum, context) => sum + context.services.reduce((count, service) => count + service.actions.length, 0), 0);
  const workers = Math.min(availableParallelism(), 4);
  if (actions < POOL_ACTIONS || workers < 2) return undefined;
  const [{ FormatPool }, { resolveEngine }] = await Promise.all([import('./write/format-pool.js'), import('./write/prettier-engine.js')]);
  // A small young generation keeps each worker's heap (and so the run's peak memory) small, at no cost in time.
  return new FormatPool(workers, resolveEngine(), { maxYoungGenerationSizeMb: FORMAT_WORKER_YOUNG_MB });
}

async function renderWith(api: Api, options: GenerateOptions, time: Timer, pool: FormatPool | undefined): Promise<GeneratedPackage[]> {
  const typed = await time('typemap', () => api.contexts.map(mapContext));
  const rendered = await time('render', () => renderAll(api, typed, options));
  // Formatting goes on in the workers while this thread type-checks the same files (formatting changes no types).
  const formatted = await time('format', async () => {
    const started = await Promise.all(rendered.map((entry) => startFormatting(entry.files, { cacheDir: options.cacheDir, pool })));
    if (options.verify !== false) {
      await time('verify', async () => {
        for (const { context, files } of rendered) await verifyPackage(files, `context ${context.context.name}`);
      });
    }
    return Promise.all(started.map((entry) => entry.done));
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

function renderAll(api: Api, typed: readonly TypedContext[], options: GenerateOptions) {
  const templates = loadTemplates(options.templates);
  const runtime = loadRuntimeFiles();
  return typed.map((context) => {
    const plan = planPackage(context.context, api, options);
    const header = { generatedBy: headerText(api, context.context), command: 'npx liferay-sdk-builder generate' };
    const files = renderPackage(context, {
      packageName: plan.name,
      callback: plan.styles.includes('callback'),
      emit: options.emit ?? 'ts',
      portalVersion: api.portalVersion,
      header,
      templates,
      runtime,
    });
    return { context, plan, files };
  });
}

/** One discovery per context when contexts carry their own filter or document; otherwise one call for all. */
async function discoverAll(options: GenerateOptions): Promise<DiscoveryDocument[]> {
  const contexts = options.contextOptions;
  const perContext = contexts !== undefined && contexts.some((context) => context.filter !== undefined || context.discovery !== undefined);
  if (!perContext) return discoverDocuments(options);
  const documents: DiscoveryDocument[] = [];
  for (const context of contexts) {
    const { url, discovery, contexts: _all, filter, ...shared } = options;
    const source = context.discovery !== undefined ? { discovery: [context.discovery] } : url !== undefined ? { url } : { discovery: discovery ?? [] };
    const chosenFilter = context.filter ?? filter;
    documents.push(...(await discoverDocuments({ ...shared, ...source, contexts: [context.name], ...(chosenFilter === undefined ? {} : { filter: chosenFilter }) })));
  }
  return documents;
}

/** Names the generator, the portal version and a hash of the context's normalised discovery (order-free). */
function headerText(api: Api, context: Context): string {
  const normalised = JSON.stringify(context, (key, value: unknown) => (key === 'source' ? undefined : value));
  const hash = createHash('sha256').update(`${api.format}\n${api.portalVersion ?? ''}\n${normalised}`).digest('hex').slice(0, 16);
  return `Generated by liferay-sdk-builder ${VERSION} from Liferay ${api.portalVersion ?? '(version unknown)'}, ${api.format} discovery sha256:${hash}.`;
}

type Timer = <T>(stage: Stage, run: () => T | Promise<T>) => Promise<T>;

function timer({ onStageStart, onStage }: Pick<GenerateOptions, 'onStageStart' | 'onStage'>): Timer {
  return async (stage, run) => {
    onStageStart?.(stage);
    const start = performance.now();
    const result = await run();
    onStage?.(stage, performance.now() - start);
    return result;
  };
}
