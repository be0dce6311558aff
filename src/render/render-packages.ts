/**
 * Render stage: typed contexts → each package's files in memory, rendered but not formatted. A file shared
 * by every service is rendered as sections (see render-package.ts); a section whose template and view did
 * not change since an earlier run comes finished from the render cache instead. The runtime is copied as it
 * is. This is the only way files are rendered, for the CLI, the library and the tests alike.
 */
import { relative, resolve } from 'node:path';
import type { GenerateOptions, PackagePlan } from '../generate-options.js';
import { planPackage } from '../generate-options.js';
import type { Incremental } from '../incremental/incremental.js';
import type { RenderCache } from '../incremental/render-cache.js';
import type { Api } from '../model/types.js';
import type { TypedContext } from '../typemap/index.js';
import type { TemplateName, Templates } from './handlebars.js';
import { toProvenance } from './provenance.js';
import {
  isTemplated,
  planPackageFiles,
  type RenderedFile,
  type RenderOptions,
  type Section,
} from './render-package.js';
import { HEADER, SOURCES_HEADER } from './views.js';

/** One section of a file, as the format stage gets it. */
export interface RenderedSection {
  readonly text: string;
  /** The template it was rendered from; undefined for a file copied as it is (the runtime). */
  readonly template: TemplateName | undefined;
  /** Finished already (from the render cache, or copied as it is): formatting leaves it alone. */
  readonly finished: boolean;
  /** Keeps the finished text for the next run (the render cache); undefined when it cannot be kept. */
  readonly keep: ((finished: string) => void) | undefined;
}

export interface SectionedFile {
  readonly path: string;
  readonly sections: readonly RenderedSection[];
}

/** A package as rendered: where it goes, what it holds, its files. */
export interface RenderedPackage {
  readonly plan: PackagePlan;
  readonly context: TypedContext;
  /** What it was planned with: the release stage renders package.json with them. */
  readonly options: RenderOptions;
  readonly files: readonly SectionedFile[];
}

/** What rendering needs besides the typed contexts; loaded once per run. */
export interface RenderContext {
  readonly options: GenerateOptions;
  readonly templates: Templates;
  /** The runtime's sources, copied into every package. */
  readonly runtime: readonly RenderedFile[];
  readonly incremental?: Incremental | undefined;
}

export function renderPackages(
  api: Api,
  typed: readonly TypedContext[],
  { options, templates, runtime, incremental }: RenderContext,
): RenderedPackage[] {
  return typed.map((context) => {
    const plan = planPackage(context.context, api, options);
    const cache = incremental?.renderCache(context.context.name);
    const renderOptions: RenderOptions = {
      packageName: plan.name,
      callback: plan.styles.includes('callback'),
      emit: options.emit ?? 'ts',
      portalVersion: api.portalVersion,
      header: options.layout === 'sources' ? SOURCES_HEADER : HEADER,
      runtime,
      provenance: toProvenance(api, context.context, runtime, recordedCommand(plan, options)),
    };
    const planned = planPackageFiles(context, renderOptions);
    const files = planned.map((file) =>
      isTemplated(file)
        ? { path: file.path, sections: file.sections.map((section) => renderSection(section, templates, cache)) }
        : {
            path: file.path,
            sections: [{ text: file.contents, template: undefined, finished: true, keep: undefined }],
          },
    );
    options.onRender?.(
      renderReport(
        context.context.name,
        files.filter((file) => file.sections.some((section) => section.template !== undefined)),
      ),
    );
    return { plan, context, options: renderOptions, files };
  });
}

/** The command (the CLI's, given in the options), to run from where it ran: relative to the package. */
function recordedCommand(
  plan: PackagePlan,
  { command }: GenerateOptions,
): { command: string; workingFolder: string } | undefined {
  return command === undefined
    ? undefined
    : { command, workingFolder: relative(resolve(plan.out), process.cwd()).split('\\').join('/') || '.' };
}

/** A section from the render cache, or rendered now. */
function renderSection(section: Section, templates: Templates, cache: RenderCache | undefined): RenderedSection {
  const key = cache?.key(section.template, section.view);
  const hit = key === undefined ? undefined : cache?.get(key);
  if (hit !== undefined) return { text: hit, template: section.template, finished: true, keep: undefined };
  const text = templates.render(section.template, section.view);
  const keep = key === undefined || cache === undefined ? undefined : (finished: string) => cache.set(key, finished);
  return { text, template: section.template, finished: false, keep };
}

/** What --verbose says: which files had sections rendered anew, and how many came whole from the render cache. */
function renderReport(context: string, templated: readonly SectionedFile[]) {
  const rendered = templated.filter((file) => file.sections.some((section) => !section.finished));
  return {
    context,
    rendered: rendered.map((file) => file.path),
    reused: templated.length - rendered.length,
    sections: rendered.map((file) => ({
      path: file.path,
      rendered: file.sections.filter((section) => !section.finished).length,
      of: file.sections.length,
    })),
  };
}
