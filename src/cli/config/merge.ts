/**
 * Flags over the config file over defaults: the one place that decides what `generate` runs with.
 */
import { CliError } from '../cli-error.js';
import type { ContextOptions, GenerateOptions, Style } from '../../generate-options.js';
import { toDiscoverOptions, type DiscoveryFlags } from '../options.js';
import type { Layout } from '../../render/layout.js';
import type { Config } from './config.js';

export interface GenerateFlags extends DiscoveryFlags {
  readonly out?: string;
  readonly name?: string;
  readonly verify?: boolean;
  readonly templates?: string;
  readonly format?: boolean;
  readonly styles?: Style[];
  readonly emit?: 'ts' | 'js';
  readonly layout?: Layout;
  readonly versionSuffix?: boolean | string;
}

/** Flags given on the command line, as commander reports them (defaults excluded). */
export type GivenFlags = ReadonlySet<string>;

export function toGenerateOptions(
  flags: GenerateFlags,
  given: GivenFlags,
  config: Config | undefined,
  env: NodeJS.ProcessEnv,
): GenerateOptions {
  const contexts = configuredContexts(flags, given, config);
  const sourceGiven = given.has('url') || given.has('discovery');
  const fromFile = config === undefined || sourceGiven ? {} : sourceFromConfig(config, contexts);
  const pick = <K extends keyof GenerateFlags>(
    key: K,
    fallback: GenerateFlags[K] | undefined,
  ): GenerateFlags[K] | undefined => (given.has(key) ? flags[key] : (fallback ?? flags[key]));
  // Saved documents name their own contexts: the file's list only names them when --context does not.
  const discoveredContexts = given.has('discovery') && !given.has('context') ? undefined : contexts;
  const discovery = toDiscoverOptions(
    {
      ...flags,
      ...fromFile,
      jsonwsPath: pick('jsonwsPath', config?.portal?.jsonwsPath) ?? 'api/jsonws',
      timeout: pick('timeout', config?.portal?.timeout) ?? 30_000,
      retries: pick('retries', config?.portal?.retries) ?? 3,
      ...(discoveredContexts === undefined ? {} : { context: discoveredContexts.map((context) => context.name) }),
    },
    env,
  );
  const options: Record<string, unknown> = { ...discovery };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) options[key] = value;
  };
  set('contextOptions', contexts);
  set('out', flags.out);
  set('name', flags.name);
  set('verify', pick('verify', config?.verify));
  set('templates', pick('templates', config?.templates));
  set('format', pick('format', config?.format));
  set('styles', flags.styles);
  set('emit', pick('emit', config?.emit));
  set('layout', pick('layout', config?.layout));
  set('versionSuffix', pick('versionSuffix', config?.versionSuffix));
  return options;
}

/**
 * `--context` picks contexts (keeping their settings from the file); otherwise the file's list. A source on
 * the command line (`--url`, `--discovery`) replaces the contexts' own documents, and `--filter` their
 * filters; a context's filter still applies to the document given on the command line.
 */
function configuredContexts(
  flags: GenerateFlags,
  given: GivenFlags,
  config: Config | undefined,
): ContextOptions[] | undefined {
  const inFile = config?.contexts;
  const picked =
    flags.context !== undefined
      ? flags.context.map((name) => inFile?.find((context) => context.name === name) ?? { name })
      : inFile;
  const dropDiscovery = given.has('url') || given.has('discovery');
  const dropFilter = given.has('filter');
  return picked?.map(({ discovery, filter, ...settings }) => ({
    ...settings,
    ...(dropDiscovery || discovery === undefined ? {} : { discovery }),
    ...(dropFilter || filter === undefined ? {} : { filter }),
  }));
}

function sourceFromConfig(config: Config, contexts: readonly ContextOptions[] | undefined): Partial<DiscoveryFlags> {
  if (config.portal?.url !== undefined) return { url: config.portal.url };
  const files = (contexts ?? []).map((context) => context.discovery);
  if (files.length === 0) return {};
  const missing = (contexts ?? []).find((context) => context.discovery === undefined);
  if (missing !== undefined) {
    throw new CliError(
      'cli.config-source',
      `context "${missing.name}" of the configuration has no "discovery" file and the configuration has no portal.url: give one of them, or --url`,
    );
  }
  return { discovery: files.filter((file): file is string => file !== undefined) };
}
