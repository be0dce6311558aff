/**
 * Release stage: formatted packages → the same with what depends on how their API changed since the package
 * in their output folder: `package.json` (its version) and `CHANGELOG.md` (a new entry). Reads the committed
 * package (for `generate` and `--check`); the golden tests make new packages instead.
 */
import type { FormatSelection, FormattedPackage } from '../format/format-packages.js';
import { formatJobs, formatterIdentity } from '../format/format.js';
import { GenerateError, type GenerateOptions } from '../generate-options.js';
import type { Incremental } from '../incremental/incremental.js';
import type { Templates } from '../render/handlebars.js';
import type { Layout } from '../render/layout.js';
import { byPath, joinSections, planPackageJson } from '../render/render-package.js';
import type { RenderedPackage } from '../render/render-packages.js';
import { readPreviousPackage } from './previous-package.js';
import { planRelease, type Release } from './release.js';
import { validVersion } from './semver.js';

/** A package, finished: its files, the figures the CLI reports, and how its API changed. */
export interface GeneratedPackage extends FormattedPackage {
  readonly release: Release;
}

export interface ReleaseContext {
  readonly options: GenerateOptions;
  readonly templates: Templates;
  readonly incremental?: Incremental | undefined;
  /** Whether each package follows on from the one in its output folder; otherwise it is new (1.0.0). */
  readonly fromOutput: boolean;
  /** How the output folder holds the package: the sources layout has no package.json or changelog to read. */
  readonly layout?: Layout;
  /** Whether prettier formats what a template rendered (see the format stage). */
  readonly select: FormatSelection;
}

export function releasePackages(
  rendered: readonly RenderedPackage[],
  formatted: readonly FormattedPackage[],
  context: ReleaseContext,
): Promise<GeneratedPackage[]> {
  const pinned = context.options.packageVersion;
  if (pinned !== undefined && validVersion(pinned) === undefined) {
    throw new GenerateError(
      'generate.package-version',
      `the package version "${pinned}" is not a semantic version such as 1.4.2`,
    );
  }
  return Promise.all(
    formatted.map(async (done, index) => {
      const pkg = rendered[index];
      if (pkg === undefined) throw new Error(`no rendered package for ${done.out}`);
      const { options } = context;
      const previous = context.fromOutput
        ? await readPreviousPackage(done.out, options.packageVersion !== undefined, context.layout)
        : undefined;
      const release = await planRelease({
        previous,
        files: done.files,
        provenance: pkg.options.provenance,
        pinnedVersion: options.packageVersion,
        contents: {
          services: pkg.context.services.map((service) => service.className),
          models: [],
          summary: `${done.services} services, ${done.methods} methods (${done.actions} actions), ${done.models} models described by the portal.`,
        },
      });
      const manifest = planPackageJson(pkg.context, pkg.options, release.version);
      const text = joinSections(
        manifest.sections.map((section) => context.templates.render(section.template, section.view)),
      );
      const format = manifest.sections.some((section) => context.select(section));
      const [packageJson = text] = format
        ? await formatJobs([{ path: manifest.path, text }], context.incremental?.formatCache(formatterIdentity()))
        : [text];
      return {
        ...done,
        files: [...done.files, { path: manifest.path, contents: packageJson }, release.changelog].sort(byPath),
        release,
      };
    }),
  );
}
