/**
 * Render stage: a `TypedContext` → the files of one generated package, in memory (unformatted).
 * Consumes src/typemap's output and the templates; produces `RenderedFile[]` for src/write.
 */
import type { TypedContext } from '../typemap/index.js';
import type { TemplateName, Templates } from './handlebars.js';
import { toPackageView } from './package-view.js';
import { toServiceView, type HeaderView } from './views.js';

export interface RenderedFile {
  /** Relative to the package root, with forward slashes. */
  readonly path: string;
  readonly contents: string;
}

export interface RenderOptions {
  readonly packageName: string;
  /** Whether to render callback-style modules (sync-style ones always are: callback modules import their specs). */
  readonly callback: boolean;
  readonly emit: 'ts' | 'js';
  readonly portalVersion: string | null;
  readonly header: HeaderView;
  readonly templates: Templates;
  readonly runtime: readonly RenderedFile[];
}

/** A file of the package before rendering: a template and its view, or (the runtime) fixed contents. */
export type PlannedFile = TemplatedFile | RenderedFile;

export interface TemplatedFile {
  readonly path: string;
  readonly template: TemplateName;
  readonly view: { readonly header: HeaderView };
}

export function renderPackage(typed: TypedContext, options: RenderOptions): RenderedFile[] {
  return planPackageFiles(typed, options).map((file) => (isTemplated(file) ? { path: file.path, contents: options.templates.render(file.template, file.view) } : file));
}

/** What renderPackage renders, file by file, sorted by path: so that a caller can skip files it already has. */
export function planPackageFiles(typed: TypedContext, options: Omit<RenderOptions, 'templates'>): PlannedFile[] {
  const { header } = options;
  const view = toPackageView(typed, options, header);
  const files: PlannedFile[] = [
    { path: 'package.json', template: 'package/package.json', view },
    { path: 'tsconfig.json', template: 'package/tsconfig.json', view },
    { path: 'README.md', template: 'package/README.md', view },
    { path: 'src/index.ts', template: 'package/index.ts', view },
    { path: 'src/models.ts', template: 'package/models.ts', view },
    ...options.runtime,
  ];
  if (options.callback) files.push({ path: 'src/callback/index.ts', template: 'callback/index', view });
  for (const service of typed.services) {
    const view = toServiceView(service, header);
    files.push({ path: `src/services/${service.fileName}.ts`, template: 'sync/service', view });
    if (options.callback) files.push({ path: `src/callback/${service.fileName}.ts`, template: 'callback/service', view });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function isTemplated(file: PlannedFile): file is TemplatedFile {
  return 'template' in file;
}
