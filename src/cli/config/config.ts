/**
 * `liferay-sdk.config.json`: read (JSON with comments), validated against the JSON Schema shipped beside this
 * file, and typed. Credentials are not part of the schema, so a file that tries to hold them is rejected.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ContextOptions, Style } from '../../generate-options.js';
import type { Layout } from '../../render/layout.js';
import { configError, describeConfigError } from './config-error.js';
import { CONFIG_FILE } from './config-file.js';
import { validateConfig } from './validate-config.js';

/** A context as the file gives it: exactly the per-context options of `generate()`. */
export type ContextConfig = ContextOptions;
export type { Style };

export interface Config {
  readonly portal?: {
    readonly url?: string;
    readonly jsonwsPath?: string;
    readonly timeout?: number;
    readonly retries?: number;
  };
  readonly contexts?: readonly ContextConfig[];
  readonly templates?: string;
  readonly format?: boolean;
  readonly emit?: 'ts' | 'js';
  readonly layout?: Layout;
  readonly versionSuffix?: boolean | string;
  readonly verify?: boolean;
}

/** The explicit `--config` file, else `liferay-sdk.config.json` in `cwd` when present, else undefined. */
export function loadConfig(
  explicit: string | undefined,
  cwd: string,
): { readonly config: Config; readonly path: string } | undefined {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  if (explicit === undefined && !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw configError(`cannot read the configuration ${path}: ${(error as Error).message}`);
  }
  const config = parseConfig(text, path);
  return { config: resolvePaths(config, resolve(path, '..')), path };
}

export function parseConfig(text: string, path: string): Config {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first !== undefined) {
    const before = text.slice(0, first.offset).split('\n');
    throw configError(
      `${path}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: invalid JSON (${printParseErrorCode(first.error)})`,
    );
  }
  if (!validateConfig(value)) throw configError(`${path}: ${describeConfigError(validateConfig.errors ?? [])}`);
  checkContextNames(value.contexts ?? [], path);
  if (hasUserInfo(value.portal?.url)) {
    throw configError(
      `${path}: portal.url carries a user or password: credentials never go in this file; set LIFERAY_USER/LIFERAY_PASSWORD or LIFERAY_TOKEN in the environment`,
    );
  }
  return value;
}

/** Two entries for one context would write two packages from one document (the schema cannot say this). */
function checkContextNames(contexts: readonly ContextConfig[], path: string): void {
  const names = contexts.map((context) => context.name);
  names.forEach((name, index) => {
    const first = names.indexOf(name);
    if (first !== index)
      throw configError(`${path}: contexts[${index}].name "${name}" repeats contexts[${first}]: one entry per context`);
  });
}

function hasUserInfo(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return /^https?:\/\/[^/]*@/.test(url);
  }
}

/** Paths in the file are relative to the file, not to wherever the command runs. */
function resolvePaths(config: Config, base: string): Config {
  const at = (path: string | undefined) => (path === undefined ? undefined : resolve(base, path));
  return {
    ...config,
    ...(config.templates === undefined ? {} : { templates: at(config.templates) ?? config.templates }),
    ...(config.contexts === undefined
      ? {}
      : {
          contexts: config.contexts.map((context) => ({
            ...context,
            ...(context.discovery === undefined ? {} : { discovery: at(context.discovery) ?? context.discovery }),
            ...(context.out === undefined ? {} : { out: at(context.out) ?? context.out }),
          })),
        }),
  };
}
