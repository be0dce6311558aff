/**
 * Format stage: rendered packages → their finished files in memory. prettier formats the sections that the
 * selection picks and that are not finished already (from the render cache, or the runtime copied as it is);
 * formatted sections are kept in the render cache for the next run, and joined into their files.
 */
import type { Incremental } from '../incremental/incremental.js';
import type { PackageFigures } from '../incremental/run-record.js';
import type { TemplateName } from '../render/handlebars.js';
import type { RenderedPackage, RenderedSection } from '../render/render-packages.js';
import { joinSections, type RenderedFile } from '../render/render-package.js';
import { formatJobs, formatterIdentity } from './format.js';

/**
 * Which sections prettier formats. Built-in templates emit prettier's shape, so generation passes one that picks
 * what a user's template rendered (or everything, with --format); the default formats every section.
 */
export type FormatSelection = (section: Pick<RenderedSection, 'template'>) => boolean;

export const FORMAT_EVERYTHING: FormatSelection = () => true;

/** What generation formats: what a user's template rendered, or everything with `--format`. */
export function formatSelection(
  formatEverything: boolean,
  templates: { isOverride(name: TemplateName): boolean },
): FormatSelection {
  return (section) => formatEverything || (section.template !== undefined && templates.isOverride(section.template));
}

/** A package, formatted: its files and the figures the CLI reports (check/release-packages.ts adds its version). */
export interface FormattedPackage extends PackageFigures {
  /** What is written to `out`. */
  readonly files: readonly RenderedFile[];
  /** What verify type-checks when `files` alone cannot be (`layout: 'sources'`: they with the package's tsconfig). */
  readonly typeCheck?: readonly RenderedFile[];
}

export interface FormatContext {
  readonly select?: FormatSelection;
  readonly incremental?: Incremental | undefined;
}

export async function formatPackages(
  rendered: readonly RenderedPackage[],
  { select = FORMAT_EVERYTHING, incremental }: FormatContext = {},
): Promise<FormattedPackage[]> {
  const chosen = rendered.flatMap((pkg) =>
    pkg.files.flatMap((file) =>
      file.sections
        .filter((section) => !section.finished && select(section))
        .map((section) => ({ path: file.path, section })),
    ),
  );
  const cache = chosen.length === 0 ? undefined : incremental?.formatCache(formatterIdentity());
  const texts = await formatJobs(
    chosen.map(({ path, section }) => ({ path, text: section.text })),
    cache,
  );
  const formatted = new Map(chosen.map(({ section }, index) => [section, texts[index] ?? section.text]));
  // Every section rendered anew is finished now, formatted or not: the render cache keeps it for the next run.
  for (const pkg of rendered)
    for (const file of pkg.files)
      for (const section of file.sections) section.keep?.(formatted.get(section) ?? section.text);
  return rendered.map((pkg) => ({
    ...packageFigures(pkg),
    files: pkg.files.map((file) => ({
      path: file.path,
      contents: joinSections(file.sections.map((section) => formatted.get(section) ?? section.text)),
    })),
  }));
}

function packageFigures({ plan, context }: RenderedPackage): PackageFigures {
  const methods = context.services.flatMap((service) => service.methods);
  return {
    context: context.context.name,
    out: plan.out,
    name: plan.name,
    services: context.services.length,
    methods: methods.length,
    actions: methods.reduce((sum, method) => sum + method.overloads.length, 0),
    models: context.context.models.length,
  };
}
