/**
 * `generate()`: the whole pipeline, as a list of stages. Discovery and write are the only I/O; every stage
 * in between is a pure function of the previous one's output. Nothing is written unless every stage
 * succeeded for every context.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { discoverDocuments, type DiscoverOptions } from './discovery/index.js';
import { buildApi } from './model/index.js';
import type { Api, Context } from './model/types.js';
import { loadTemplates } from './render/handlebars.js';
import { renderPackage, type RenderedFile } from './render/render-package.js';
import { loadRuntimeFiles } from './render/runtime-sources.js';
import { mapContext } from './typemap/index.js';
import { VERSION } from './version.js';
import { diffApi, readApiSurface, type ApiDiff } from './write/api-diff.js';
import { checkPackage, type PackageDrift } from './write/check.js';
import { formatFiles } from './write/format.js';
import { readPackageSources } from './write/read-package.js';
import { verifyPackage } from './write/verify.js';
import { writePackages } from './write/write-package.js';

export type Stage = 'discovery' | 'model' | 'typemap' | 'render' | 'format' | 'verify' | 'write';

export interface GenerateOptions extends DiscoverOptions {
  /** Output folder; with several contexts each goes to `<out>/<context>`. Default `generated/<context>`. */
  readonly out?: string;
  /** npm package name; default `liferay-<context>-client` (with several contexts, the context is appended). */
  readonly name?: string;
  /** Type-check the package before writing (default true). */
  readonly verify?: boolean;
  /** A folder whose templates replace bundled ones of the same name. */
  readonly templates?: string;
  readonly onStage?: (stage: Stage, milliseconds: number) => void;
}

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

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const time = timer(options.onStage);
  const documents = await time('discovery', () => discoverDocuments(options));
  const api = await time('model', () => buildApi(documents));
  const packages = await renderPackages(api, options, time);
  await time('write', () => writePackages(packages.map(({ out, files }) => ({ out, files }))));
  return { api, packages };
}

export interface PackageCheck {
  readonly package: GeneratedPackage;
  readonly drift: PackageDrift;
  readonly api: ApiDiff;
}

/** `generate --check`: everything but the write, then what writing would change. Writes nothing. */
export async function checkGenerated(options: GenerateOptions): Promise<{ readonly api: Api; readonly checks: readonly PackageCheck[] }> {
  const time = timer(options.onStage);
  const documents = await time('discovery', () => discoverDocuments(options));
  const api = await time('model', () => buildApi(documents));
  const packages = await renderPackages(api, options, time);
  const checks = await Promise.all(
    packages.map(async (generated) => ({
      package: generated,
      drift: await checkPackage(generated.out, generated.files),
      api: diffApi(await readApiSurface(await readPackageSources(generated.out)), await readApiSurface(generated.files)),
    })),
  );
  return { api, checks };
}

/** Every stage but discovery and write: the packages of `api`, formatted and verified, in memory. */
export async function renderPackages(api: Api, options: GenerateOptions, time = timer(options.onStage)): Promise<GeneratedPackage[]> {
  const typed = await time('typemap', () => api.contexts.map(mapContext));
  const templates = loadTemplates(options.templates);
  const runtime = loadRuntimeFiles();
  const rendered = await time('render', () =>
    typed.map((context) => {
      const name = packageName(context.context, api, options);
      const header = { generatedBy: headerText(api, context.context), command: 'npx liferay-sdk-builder generate' };
      return { context, name, files: renderPackage(context, { packageName: name, portalVersion: api.portalVersion, header, templates, runtime }) };
    }),
  );
  const formatted = await time('format', () => Promise.all(rendered.map((entry) => formatFiles(entry.files))));
  if (options.verify !== false) {
    await time('verify', async () => {
      for (const [index, files] of formatted.entries()) await verifyPackage(files, `context ${rendered[index]?.context.context.name ?? '?'}`);
    });
  }
  return rendered.map(({ context, name }, index) => {
    const methods = context.services.flatMap((service) => service.methods);
    return {
      context: context.context.name,
      out: outputFolder(context.context, api, options),
      name,
      services: context.services.length,
      methods: methods.length,
      actions: methods.reduce((sum, method) => sum + method.overloads.length, 0),
      models: context.context.models.length,
      files: formatted[index] ?? [],
    };
  });
}

function outputFolder(context: Context, api: Api, options: GenerateOptions): string {
  if (options.out === undefined) return join('generated', context.name);
  return api.contexts.length > 1 ? join(options.out, context.name) : options.out;
}

function packageName(context: Context, api: Api, options: GenerateOptions): string {
  const slug = context.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'portal';
  if (options.name === undefined) return `liferay-${slug}-client`;
  return api.contexts.length > 1 ? `${options.name}-${slug}` : options.name;
}

/** Names the generator, the portal version and a hash of the context's normalised discovery (order-free). */
function headerText(api: Api, context: Context): string {
  const normalised = JSON.stringify(context, (key, value: unknown) => (key === 'source' ? undefined : value));
  const hash = createHash('sha256').update(`${api.format}\n${api.portalVersion ?? ''}\n${normalised}`).digest('hex').slice(0, 16);
  return `Generated by liferay-sdk-builder ${VERSION} from Liferay ${api.portalVersion ?? '(version unknown)'}, ${api.format} discovery sha256:${hash}.`;
}

type Timer = <T>(stage: Stage, run: () => T | Promise<T>) => Promise<T>;

function timer(onStage: GenerateOptions['onStage']): Timer {
  return async (stage, run) => {
    const start = performance.now();
    const result = await run();
    onStage?.(stage, performance.now() - start);
    return result;
  };
}
