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
  render(name: TemplateName, view: object): string;
  /**
   * Whether what `name` renders may come from a user's template: the template itself or a partial was
   * replaced (any partial counts, since a template may use it). Built-in templates emit prettier's shape;
   * what a user's template renders is formatted.
   */
  isOverridden(name: TemplateName): boolean;
  /** Whether any template or partial was replaced. */
  readonly hasOverrides: boolean;
  /** Whether a template's own text contains `text`: what a template prints verbatim, no view decides. */
  mentions(text: string): boolean;
}

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { identifier: true, string: true, comment: true },
} as const;

/** Errors thrown while a template ran (by Handlebars or by a helper it called), whichever code they came from. */
const THROWN_BY_TEMPLATES = new WeakSet<Error>();

export function thrownByTemplate(error: Error): boolean {
  return THROWN_BY_TEMPLATES.has(error);
}

export function loadTemplates(overrides?: string): Templates {
  const sources = new Map<string, string | TemplateSpecification>(PRECOMPILED_TEMPLATES ?? readTemplateSources(BUNDLED_TEMPLATES));
  const replaced = new Set<string>();
  if (overrides !== undefined) {
    for (const [name, source] of readTemplateSources(overrides)) {
      if (!sources.has(name)) throw new Error(`templates: ${name}.hbs in ${overrides} replaces no bundled template`);
      sources.set(name, source);
      replaced.add(name);
    }
  }
  const partialReplaced = [...replaced].some((name) => name.startsWith('partials/'));
  const env = Handlebars.create();
  env.registerHelper(HELPERS);
  const compiled = new Map<string, Template>();
  for (const [name, source] of sources) {
    // Partials too are compiled with COMPILE_OPTIONS: one given as text would be compiled when first used,
    // with the options of the template using it, which a precompiled template does not carry.
    const template = typeof source === 'string' ? env.compile(source, COMPILE_OPTIONS) : env.template(source);
    if (name.startsWith('partials/')) env.registerPartial(name.slice('partials/'.length), template);
    else compiled.set(name, template);
  }
  return {
    render(name, view) {
      const template = compiled.get(name);
      if (template === undefined) throw new Error(`templates: no template ${name}`);
      try {
        return template(view, name.endsWith('.json') ? { helpers: JSON_HELPERS } : {});
      } catch (error) {
        if (error instanceof Error) THROWN_BY_TEMPLATES.add(error);
        throw error;
      }
    },
    isOverridden(name) {
      return partialReplaced || replaced.has(name);
    },
    hasOverrides: replaced.size > 0,
    mentions(text) {
      return [...sources.values()].some((source) => sourceText(source).includes(text));
    },
  };
}

/** A template's text: its source, or for a precompiled one the code that prints its literal text. */
function sourceText(source: string | TemplateSpecification): string {
  if (typeof source === 'string') return source;
  return Object.values(source as Record<string, unknown>).map((part) => (typeof part === 'function' ? String(part) : JSON.stringify(part) ?? '')).join('\n');
}

/** The bundled templates precompiled, by name: the source of each one's specification (for the CLI bundle). */
export function precompileTemplates(): Map<string, string> {
  const sources = readTemplateSources(BUNDLED_TEMPLATES);
  return new Map([...sources].map(([name, source]) => [name, String(Handlebars.precompile(source, COMPILE_OPTIONS))]));
}

function readTemplateSources(root: string): Map<string, string> {
  if (!existsSync(root)) throw new Error(`templates: folder ${root} does not exist`);
  const sources = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.hbs')) sources.set(relative(root, path).split('\\').join('/').slice(0, -4), readFileSync(path, 'utf8'));
    }
  };
  visit(root);
  return sources;
}
