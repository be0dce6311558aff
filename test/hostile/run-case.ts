/**
 * One hostile case through the generator's stages. Validation and model building may reject the document,
 * but only with a BuilderError that names the offending entry; every later stage must succeed.
 */
import { isAbsolute, normalize, relative } from 'node:path';
import { decodeDocument } from '../../src/discovery/decode-document.js';
import { BuilderError } from '../../src/errors.js';
import { planPackage } from '../../src/generate-options.js';
import { buildApi } from '../../src/model/index.js';
import type { Api } from '../../src/model/types.js';
import { loadTemplates } from '../../src/render/handlebars.js';
import { joinSections, planPackageJson, type RenderedFile } from '../../src/render/render-package.js';
import { renderPackages } from '../../src/render/render-packages.js';
import { loadRuntimeFiles } from '../../src/render/runtime-sources.js';
import { mapContext } from '../../src/typemap/index.js';
import type { HostileCase } from './arbitraries.js';

export const SOURCE = 'hostile.json';
/** Documents per run of the pure-stage property; FUZZ_RUNS=n (npm run fuzz) raises it, and every share with it. */
export const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);

export const templates = loadTemplates();
export const runtime = loadRuntimeFiles();

export type Outcome =
  { readonly api: Api; readonly document: Record<string, unknown> } | { readonly rejected: BuilderError };

/** decodeDocument + buildApi; a rejection must be a BuilderError naming an entry or field that exists. */
export function modelOf(testCase: HostileCase): Outcome {
  const document = JSON.parse(testCase.text) as Record<string, unknown>;
  try {
    return { api: buildApi([decodeDocument({ text: testCase.text, source: SOURCE })]), document };
  } catch (error) {
    if (!(error instanceof BuilderError)) throw error;
    const where = namedEntry(error.message, document);
    if (where === undefined)
      throw new Error(`the rejection names no entry of the document: ${error.message.slice(0, 500)}`, { cause: error });
    return { rejected: error };
  }
}

const TOP_LEVEL_FIELDS = [
  'contextName',
  'context',
  'version',
  'basePath',
  'baseURL',
  'discover',
  'types',
  'services',
  'actions',
];

/** The entry ("services[3].parameters[1]") or top-level field the message names, if it exists in the document. */
export function namedEntry(message: string, document: Record<string, unknown>): string | undefined {
  const entries = [...message.matchAll(/\b(services|actions|types)\[(\d+)\](?:\.(parameters|properties)\[(\d+)\])?/g)];
  if (entries.length > 0) {
    const exists = entries.every(([, list, index, inner, innerIndex]) => {
      const entry = (document[list ?? ''] as Record<string, unknown>[] | undefined)?.[Number(index)];
      if (entry === undefined) return false;
      return inner === undefined || (entry[inner] as unknown[] | undefined)?.[Number(innerIndex)] !== undefined;
    });
    return exists ? entries[0]?.[0] : undefined;
  }
  // Service id collisions name the services by their path prefix: "/a-entry" and "/a.entry".
  const prefixes = [...message.matchAll(/services "(\/[^"]+)" and "(\/[^"]+)"/g)].flatMap(([, first, second]) => [
    first ?? '',
    second ?? '',
  ]);
  const paths = ((document['services'] ?? document['actions'] ?? []) as { path?: unknown }[]).map((entry) =>
    String(entry.path),
  );
  if (prefixes.length > 0)
    return prefixes.every((prefix) => paths.some((path) => path.startsWith(`${prefix}/`)))
      ? prefixes.join(', ')
      : undefined;
  const field = new RegExp(`(?:${SOURCE}:? )(${TOP_LEVEL_FIELDS.join('|')})\\b`).exec(message)?.[1];
  return field !== undefined && field in document ? field : undefined;
}

/** The pure stages after the model, as generate() runs them: type mapping and rendering (unformatted), every context. */
export function renderApi(api: Api): RenderedFile[][] {
  const rendered = renderPackages(api, api.contexts.map(mapContext), {
    options: { discovery: [SOURCE] },
    templates,
    runtime,
  });
  // package.json comes from the release stage (its version); a new package's is version 1.0.0.
  const render = (
    sections: readonly { readonly template: Parameters<typeof templates.render>[0]; readonly view: object }[],
  ) => joinSections(sections.map((section) => templates.render(section.template, section.view)));
  return rendered.map((pkg) => [
    ...pkg.files.map((file) => ({
      path: file.path,
      contents: joinSections(file.sections.map((section) => section.text)),
    })),
    { path: 'package.json', contents: render(planPackageJson(pkg.context, pkg.options, '1.0.0').sections) },
  ]);
}

/** (c) for the output folder: the default `generated/<context>` stays inside `generated/`. */
export function checkOutputFolder(api: Api): void {
  for (const context of api.contexts) {
    const out = planPackage(context, api, { discovery: [SOURCE] }).out;
    const inside = relative('generated', normalize(out));
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || /[/\\]/.test(inside)) {
      throw new Error(
        `context ${JSON.stringify(context.name)} is written to ${JSON.stringify(out)}, outside its own folder of generated/`,
      );
    }
  }
}
