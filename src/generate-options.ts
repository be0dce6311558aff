/**
 * The options of `generate()` and what they decide for each context: output folder, package name, call
 * styles. One place for these rules so the CLI, the config file and the library agree.
 */
import { join, resolve } from 'node:path';
import type { DiscoverOptions } from './discovery/index.js';
import { BuilderError } from './errors.js';
import type { Api, Context } from './model/types.js';
import type { Layout } from './render/layout.js';

export type Style = 'sync' | 'callback';

export type GenerateErrorCode =
  | 'generate.package-name'
  | 'generate.version-suffix'
  | 'generate.package-version'
  | 'generate.layout'
  | 'generate.drift';

/** Options that cannot work for this document (a package name, a version suffix), or drift found by --check. */
export class GenerateError extends BuilderError {
  declare readonly code: GenerateErrorCode;

  constructor(code: GenerateErrorCode, message: string) {
    super(code, message);
  }
}
/** `up-to-date`: the check, right after discovery, whether the last run of the same command is still on disk. */
/** `release`: how the API changed since the package in the output folder; its version and changelog. */
export type Stage =
  | 'discovery'
  | 'up-to-date'
  | 'model'
  | 'typemap'
  | 'render'
  | 'format'
  | 'release'
  | 'emit'
  | 'write'
  | 'verify'
  | 'swap';

/** What the render stage did for one context: the files it rendered; the others came from the render cache. */
export interface RenderReport {
  readonly context: string;
  /** Files with at least one section rendered anew (the others came whole from the render cache). */
  readonly rendered: readonly string[];
  /** Files that came whole from the render cache. */
  readonly reused: number;
  /** Per rendered file, how many of its sections were rendered anew. */
  readonly sections: readonly { readonly path: string; readonly rendered: number; readonly of: number }[];
}

/** Settings of one context, as a config file gives them. */
export interface ContextOptions {
  readonly name: string;
  /** A saved discovery document for this context (instead of the portal URL). */
  readonly discovery?: string;
  /** Only this service (`/<filter>/*`), whether the document is fetched or saved. */
  readonly filter?: string;
  readonly out?: string;
  readonly packageName?: string;
  readonly styles?: readonly Style[];
}

export interface GenerateOptions extends DiscoverOptions {
  /**
   * Output folder, relative to the working folder; with several contexts each goes to `<out>/<context>`.
   * Default `generated/<context>`. Results name it as an absolute path.
   */
  readonly out?: string;
  /** npm package name; default `liferay-<context>-client` (with several contexts, the context is appended). */
  readonly name?: string;
  /** Per-context settings (from a config file); flags above override them. */
  readonly contextOptions?: readonly ContextOptions[];
  /** Call styles to generate (default both). */
  readonly styles?: readonly Style[];
  /** ts: TypeScript sources (default); js: compiled ESM JavaScript plus .d.ts. */
  readonly emit?: 'ts' | 'js';
  /**
   * package: an npm package (package.json, tsconfig.json, README.md, src/; the default); sources: only the
   * TypeScript sources, at the root of `out`, for an app that compiles them itself. Not with `emit: 'js'`.
   */
  readonly layout?: Layout;
  /** Namespace by portal version, as the Mobile SDK's v62/v7: true derives it from the document's version. */
  readonly versionSuffix?: boolean | string;
  /** Type-check the package before writing (default true). */
  readonly verify?: boolean;
  /** A folder whose templates replace bundled ones of the same name (their output is formatted with prettier). */
  readonly templates?: string;
  /**
   * The package version to write, instead of the committed package's version bumped by the class of the API
   * change (a new package starts at 1.0.0). A semantic version.
   */
  readonly packageVersion?: string;
  /** The command line that runs this generation, credentials left out: recorded in liferay-sdk.json and the README. */
  readonly command?: string;
  /**
   * Format every file with prettier (default false): built-in templates already emit prettier's shape, so by
   * default only what templates from `templates` render is formatted.
   */
  readonly format?: boolean;
  /**
   * Incremental generation (default off): true uses the user's cache folder (`$XDG_CACHE_HOME` or
   * `~/.cache`, under `liferay-sdk-builder/`), as the CLI does. There each run is recorded, so that the same
   * command run again with nothing changed stops right after discovery, and formatted text and finished
   * sections are cached, so that a change to one service renders and formats only its own parts.
   */
  readonly incremental?: boolean | { readonly cacheDir: string };
  /** With `incremental`: why the last run's output cannot be reused (for --verbose), before the pipeline runs. */
  readonly onStale?: (reason: string) => void;
  /** Called when a stage starts and when it ends (with its duration), for progress displays and --verbose. */
  readonly onStageStart?: (stage: Stage) => void;
  readonly onStage?: (stage: Stage, milliseconds: number) => void;
  /** Called after the render stage, once per context. */
  readonly onRender?: (report: RenderReport) => void;
}

/** The service filter of a context: its own (a configuration file's), else the run's. */
export function filterOf(
  context: string,
  options: Pick<GenerateOptions, 'filter' | 'contextOptions'>,
): string | undefined {
  return options.contextOptions?.find((entry) => entry.name === context)?.filter ?? options.filter;
}

export interface PackagePlan {
  /** Absolute: the CLI's report and `--json` name it the same way whether it came from a flag or a file. */
  readonly out: string;
  readonly name: string;
  readonly styles: readonly Style[];
}

export function planPackage(context: Context, api: Api, options: GenerateOptions): PackagePlan {
  const configured = options.contextOptions?.find((entry) => entry.name === context.name);
  const several = api.contexts.length > 1;
  const suffix = versionSuffix(api, options.versionSuffix);
  const slug =
    context.name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+/, '') || 'portal';
  const folder = suffix === undefined ? context.name : `${context.name}-${suffix}`;
  const out =
    options.out !== undefined
      ? several
        ? join(options.out, folder)
        : options.out
      : (configured?.out ?? join('generated', folder));
  const base =
    options.name !== undefined
      ? several
        ? `${options.name}-${slug}`
        : options.name
      : (configured?.packageName ?? `liferay-${slug}-client`);
  const name = suffix === undefined ? base : `${base}-${suffix}`;
  if (!PACKAGE_NAME.test(name) || name.length > 214) {
    throw new GenerateError(
      'generate.package-name',
      `"${name}" is not a valid npm package name (lower case, digits, - . _ ~, optionally @scope/): give another --name`,
    );
  }
  return { out: resolve(out), name, styles: options.styles ?? configured?.styles ?? ['sync', 'callback'] };
}

/** npm's rule for new package names (the config file's schema has the same pattern). */
const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
/** A suffix ends up in a folder name and a package name: nothing that could leave the folder or break the name. */
const SUFFIX = /^[a-z0-9][a-z0-9.-]*$/;

/** "v62" for 6.2.x, "v7" for 7.0.x, "v74" for 7.4.x; a string is used as given. */
export function versionSuffix(api: Api, option: boolean | string | undefined): string | undefined {
  if (option === undefined || option === false) return undefined;
  if (typeof option === 'string') {
    if (!SUFFIX.test(option)) {
      throw new GenerateError(
        'generate.version-suffix',
        `--version-suffix "${option}" must be lower-case letters, digits, dots and dashes, such as v7 or v62`,
      );
    }
    return option;
  }
  const match = /^(\d+)\.(\d+)/.exec(api.portalVersion ?? '');
  if (match === null) {
    throw new GenerateError(
      'generate.version-suffix',
      'the discovery document gives no portal version: give the suffix yourself, e.g. --version-suffix v61',
    );
  }
  const [, major, minor] = match;
  return major === '7' && minor === '0' ? 'v7' : `v${major}${minor}`;
}

/** Sources are TypeScript for the app to compile: compiled JavaScript is the package layout's. */
export function checkLayout(options: Pick<GenerateOptions, 'layout' | 'emit'>): Layout {
  const layout = options.layout ?? 'package';
  if (layout === 'sources' && options.emit === 'js') {
    throw new GenerateError(
      'generate.layout',
      '--layout sources writes TypeScript sources for your own build: it cannot be combined with --emit js',
    );
  }
  return layout;
}

export type StageTimer = <T>(stage: Stage, run: () => T | Promise<T>) => Promise<T>;

/** Runs a stage between the onStageStart and onStage callbacks. */
export function stageTimer({ onStageStart, onStage }: Pick<GenerateOptions, 'onStageStart' | 'onStage'>): StageTimer {
  return async (stage, run) => {
    onStageStart?.(stage);
    const start = performance.now();
    const result = await run();
    onStage?.(stage, performance.now() - start);
    return result;
  };
}
