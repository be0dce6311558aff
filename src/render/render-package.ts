/**
 * Render stage: a `TypedContext` → the files of one generated package, in memory (unformatted).
 * Consumes src/typemap's output and the templates; produces `RenderedFile[]` for src/write.
 */
import type { TypedContext } from '../typemap/index.js';
import type { Templates } from './handlebars.js';
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

export function renderPackage(typed: TypedContext, options: RenderOptions): RenderedFile[] {
  const { templates, header } = options;
  const view = toPackageView(typed, options, header);
  const files: RenderedFile[] = [
    { path: 'package.json', contents: templates.render('package/package.json', view) },
    { path: 'tsconfig.json', contents: templates.render('package/tsconfig.json', view) },
    { path: 'README.md', contents: templates.render('package/README.md', view) },
    { path: 'src/index.ts', contents: templates.render('package/index.ts', view) },
    { path: 'src/models.ts', contents: templates.render('package/models.ts', view) },
    ...options.runtime,
  ];
  if (options.callback) files.push({ path: 'src/callback/index.ts', contents: templates.render('callback/index', view) });
  for (const service of typed.services) {
    const view = toServiceView(service, header);
    files.push({ path: `src/services/${service.fileName}.ts`, contents: templates.render('sync/service', view) });
    if (options.callback) files.push({ path: `src/callback/${service.fileName}.ts`, contents: templates.render('callback/service', view) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
