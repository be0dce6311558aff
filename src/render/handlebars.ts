/**
 * The Handlebars environment: bundled templates and partials (overridable one by one from a user's
 * folder), compiled without HTML escaping, in strict mode, with only the escaping helpers known.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { packagePath } from '../package-root.js';
import { HELPERS, JSON_HELPERS } from './helpers.js';
import { PRECOMPILED_TEMPLATES, type TemplateSpecification } from './precompiled-templates.js';
import { RenderError } from './render-error.js';

export const BUNDLED_TEMPLATES = packagePath('templates/');

/** Template names are paths under templates/ without `.hbs`: "sync/service", "package/index.ts". */
export type TemplateName =
  | 'sync/index'
  | 'sync/service'
  | 'sync/service-class'
  | 'callback/service'
  | 'callback/index'
  | 'package/index.ts'
  | 'package/models.ts'
  | 'package/package.json'
  | 'package/tsconfig.json'
  | 'package/README.md';

export type Template = (view: object, options?: Handlebars.RuntimeOptions) => string;

export interface Templates {
  /** The template's text for `view`; a RenderError naming the template (or partial) and what it lacked. */
  render(name: TemplateName, view: object): string;
  /** Whether the template, or a partial it may use, comes from the overrides folder (not the bundled ones). */
  isOverride(name: TemplateName): boolean;
  /** The helpers registered with this Handlebars environment beyond its built-in ones (if, each, ...). */
  readonly helpers: readonly string[];
}

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { identifier: true, string: true, comment: true },
} as const;

export function loadTemplates(overrides?: string): Templates {
  const sources = new Map<string, string | TemplateSpecification>(
    PRECOMPILED_TEMPLATES ?? readTemplateSources(BUNDLED_TEMPLATES),
  );
  const overridden = new Set<string>();
  if (overrides !== undefined) {
    for (const [name, source] of readTemplateSources(overrides)) {
      if (!sources.has(name)) throw new Error(`templates: ${name}.hbs in ${overrides} replaces no bundled template`);
      sources.set(name, source);
      overridden.add(name);
    }
  }
  const failure = (name: string, error: unknown): RenderError =>
    renderError(name, error, overridden.has(name) ? overrides : undefined);
  const env = Handlebars.create();
  env.registerHelper(HELPERS);
  const compiled = new Map<string, Template>();
  for (const [name, source] of sources) {
    // Partials too are compiled with COMPILE_OPTIONS: one given as text would be compiled when first used,
    // with the options of the template using it, which a precompiled template does not carry.
    const template = typeof source === 'string' ? env.compile(source, COMPILE_OPTIONS) : env.template(source);
    if (name.startsWith('partials/'))
      env.registerPartial(name.slice('partials/'.length), named(name, template, failure));
    else compiled.set(name, template);
  }
  const anyPartialOverridden = [...overridden].some((name) => name.startsWith('partials/'));
  return {
    render(name, view) {
      const template = compiled.get(name);
      if (template === undefined) throw new Error(`templates: no template ${name}`);
      // JSON files take strings in double quotes; TypeScript ones in the quotes prettier picks.
      return named(name, template, failure)(view, name.endsWith('.json') ? { helpers: JSON_HELPERS } : {});
    },
    isOverride: (name) => overridden.has(name) || anyPartialOverridden,
    helpers: Object.keys(env.helpers).filter((helper) => !(helper in Handlebars.create().helpers)),
  };
}

/** The template, with any failure inside it (not inside a partial it calls, which names itself) named after it. */
function named(name: string, template: Template, failure: (name: string, error: unknown) => RenderError): Template {
  return (view, ...rest: unknown[]) => {
    try {
      return (template as (view: object, ...rest: unknown[]) => string)(view, ...rest);
    } catch (error) {
      throw error instanceof RenderError ? error : failure(name, error);
    }
  };
}

/** `"generatedOn" not defined in [object Object] - 1:5` (Handlebars' strict mode) → what the view lacked, and where. */
function renderError(name: string, error: unknown, overrides: string | undefined): RenderError {
  const message = error instanceof Error ? error.message : String(error);
  const missing = /^"([^"]+)" not defined(?: in \S+ \S+)?(?: - (\d+):\d+)?/.exec(message);
  const what =
    missing === null
      ? (message.split('\n')[0] ?? '')
      : `its view has no field "${missing[1] ?? ''}"${missing[2] === undefined ? '' : ` (line ${missing[2]})`}`;
  if (overrides !== undefined) {
    return new RenderError(
      'render.override',
      name,
      `${name}.hbs in ${overrides} failed to render: ${what}; each template's view is listed under Templates in the README (nothing was written)`,
      { cause: error },
    );
  }
  return new RenderError(
    'render.template',
    name,
    `template ${name} failed to render: ${what}. This is a liferay-sdk-builder bug: please report it`,
    { cause: error },
  );
}

/** The bundled templates precompiled, by name: the source of each one's specification (for the CLI bundle). */
export function precompileTemplates(): Map<string, string> {
  const sources = readTemplateSources(BUNDLED_TEMPLATES);
  return new Map(
    [...sources].map(([name, source]) => [name, Handlebars.precompile(source, COMPILE_OPTIONS) as unknown as string]),
  );
}

function readTemplateSources(root: string): Map<string, string> {
  if (!existsSync(root)) throw new Error(`templates: folder ${root} does not exist`);
  const sources = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.hbs'))
        sources.set(relative(root, path).split('\\').join('/').slice(0, -4), readFileSync(path, 'utf8'));
    }
  };
  visit(root);
  return sources;
}
