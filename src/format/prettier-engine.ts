/**
 * How prettier is loaded, in the main thread and in format workers alike: prettier itself, and its oxc
 * parser plugin when this platform has the plugin's native parser. oxc parses TypeScript several times faster
 * than prettier's own `typescript` parser and prints through the same printer: the output is identical (a test
 * holds it so), so the plugin is a speed-up only, and a platform without it formats the same text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** What a worker needs to load the same engine: module URLs, resolved once by the main thread. */
export interface EngineSpec {
  readonly prettierUrl: string;
  readonly oxcUrl: string | undefined;
}

export interface Engine {
  readonly version: string;
  /** `prettier+oxc` or `prettier`: part of the format cache's key. */
  readonly name: string;
  format(text: string, parser: string): Promise<string>;
}

type Prettier = typeof import('prettier');
type Plugin = import('prettier').Plugin;

export function resolveEngine(): EngineSpec {
  return { prettierUrl: resolveModule('prettier'), oxcUrl: tryResolve('@prettier/plugin-oxc') };
}

/** The engine a spec loads, known without loading it (for cache keys): prettier's version, with or without oxc. */
export function engineIdentity(spec: EngineSpec): { readonly name: string; readonly version: string } {
  const manifest = new URL('package.json', spec.prettierUrl.replace(/[^/]*$/, ''));
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { name: spec.oxcUrl === undefined ? 'prettier' : 'prettier+oxc', version };
}

export async function loadEngine(spec: EngineSpec): Promise<Engine> {
  const prettier = (await import(spec.prettierUrl)) as Prettier;
  const oxc = spec.oxcUrl === undefined ? undefined : await loadOxc(spec.oxcUrl, prettier);
  const plugins = oxc === undefined ? [] : [oxc];
  return {
    version: prettier.version,
    name: oxc === undefined ? 'prettier' : 'prettier+oxc',
    format: (text, parser) =>
      prettier.format(text, {
        ...PRETTIER_OPTIONS,
        parser: oxc !== undefined && parser === 'typescript' ? 'oxc-ts' : parser,
        plugins,
      }),
  };
}

/** The plugin, or undefined where its native parser cannot load (an unsupported platform or libc). */
async function loadOxc(url: string, prettier: Prettier): Promise<Plugin | undefined> {
  try {
    const plugin = (await import(url)) as Plugin;
    // The native binding loads lazily: parse once now so that a missing one means "no plugin", not a failure later.
    await prettier.format('const a = 1;', { parser: 'oxc-ts', plugins: [plugin] });
    return plugin;
  } catch {
    return undefined;
  }
}

/** import.meta.resolve in Node; require.resolve where that is missing (vitest runs this file from src/). */
function resolveModule(name: string): string {
  try {
    return import.meta.resolve(name);
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve(name)).href;
  }
}

function tryResolve(name: string): string | undefined {
  try {
    return resolveModule(name);
  } catch {
    return undefined;
  }
}
