/**
 * The files of one generated package, planned: each file's sections (a template and its view) or, for the
 * runtime, its fixed contents. render-packages.ts renders them.
 */
import type { TypedContext } from '../typemap/index.js';
import type { TemplateName } from './handlebars.js';
import { toPackageView } from './package-view.js';
import { provenanceFile, type Provenance } from './provenance.js';
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
  readonly runtime: readonly RenderedFile[];
  /** What `liferay-sdk.json` records: the run's facts that no other file carries. */
  readonly provenance: Provenance;
}

/** A file of the package before rendering: its sections to render, or (the runtime) fixed contents. */
export type PlannedFile = TemplatedFile | RenderedFile;

/**
 * A file made of sections, each a template and its view, joined by a blank line. A section is rendered,
 * cached and formatted on its own: prettier lays out each top-level statement on its own, so formatted
 * sections joined are the formatted file (a test holds that), and a change to one service re-renders and
 * re-formats only its own section of a file shared by every service.
 */
export interface TemplatedFile {
  readonly path: string;
  readonly sections: readonly Section[];
}

export interface Section {
  readonly template: TemplateName;
  readonly view: { readonly header: HeaderView };
}

/** Sections are joined by one blank line: each rendered or formatted section ends with a line break. */
export function joinSections(texts: readonly string[]): string {
  return texts.join('\n');
}

/**
 * The package's files, sorted by path, but `package.json`, whose version depends on how the API changed
 * (check/release.ts, planPackageJson): so that the render stage can skip sections it already has.
 */
export function planPackageFiles(typed: TypedContext, options: RenderOptions): PlannedFile[] {
  const { header } = options;
  const view = toPackageView(typed, options, header);
  const single = (path: string, template: TemplateName): TemplatedFile => ({ path, sections: [{ template, view }] });
  const services = typed.services.map((service) => ({ service, view: toServiceView(service, header) }));
  const files: PlannedFile[] = [
    provenanceFile(options.provenance),
    single('tsconfig.json', 'package/tsconfig.json'),
    single('README.md', 'package/README.md'),
    single('src/index.ts', 'package/index.ts'),
    single('src/models.ts', 'package/models.ts'),
    ...options.runtime,
    // Every service's class in one module: Node loads a package of a hundred services as a handful of modules.
    {
      path: 'src/services/index.ts',
      sections: [
        { template: 'sync/index', view },
        ...services.map((entry) => ({ template: 'sync/service-class' as const, view: entry.view })),
      ],
    },
    ...services.map(({ service, view }) => ({
      path: `src/services/${service.fileName}.ts`,
      sections: [{ template: 'sync/service' as const, view }],
    })),
  ];
  if (options.callback) {
    files.push({
      path: 'src/callback/index.ts',
      sections: [
        { template: 'callback/index', view },
        ...services.map((entry) => ({ template: 'callback/service' as const, view: entry.view })),
      ],
    });
  }
  return files.sort(byPath);
}

/** `package.json`, at `version`. */
export function planPackageJson(typed: TypedContext, options: RenderOptions, version: string): TemplatedFile {
  const view = { ...toPackageView(typed, options, options.header), version };
  return { path: 'package.json', sections: [{ template: 'package/package.json', view }] };
}

export function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function isTemplated(file: PlannedFile): file is TemplatedFile {
  return 'sections' in file;
}
