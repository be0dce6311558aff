/**
 * Flags over the config file over defaults: the one place that decides what `generate` runs with.
 */
import type { ContextOptions, GenerateOptions, Style } from '../../generate-options.js';
import { toDiscoverOptions, type DiscoveryFlags } from '../options.js';
import type { Config } from './config.js';

export interface GenerateFlags extends DiscoveryFlags {
  readonly out?: string;
  readonly name?: string;
  readonly verify?: boolean;
  readonly templates?: string;
  readonly styles?: Style[];
  readonly emit?: 'ts' | 'js';
  readonly versionSuffix?: boolean | string;
}

/** Flags given on the command line, as commander reports them (defaults excluded). */
export type GivenFlags = ReadonlySet<string>;

export function toGenerateOptions(flags: GenerateFlags, given: GivenFlags, config: Config | undefined, env: NodeJS.ProcessEnv): GenerateOptions {
  const contexts = configuredContexts(flags, config);
  const fromFile = config === undefined || given.has('url') || given.has('discovery') ? {} : sourceFromConfig(config, contexts);
  const pick = <K extends keyof GenerateFlags>(key: K, fallback: GenerateFlags[K] | undefined): GenerateFlags[K] | undefined =>
    given.has(key) ? flags[key] : (fallback ?? flags[key]);
  const discovery = toDiscoverOptions(
    {
      ...flags,
      ...fromFile,
      jsonwsPath: pick('jsonwsPath', config?.portal?.jsonwsPath) ?? 'api/jsonws',
      timeout: pick('timeout', config?.portal?.timeout) ?? 30_000,
      retries: pick('retries', config?.portal?.retries) ?? 3,
      ...(contexts === undefined ? {} : { context: contexts.map((context) => context.name) }),
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
  set('styles', flags.styles);
  set('emit', pick('emit', config?.emit));
  set('versionSuffix', pick('versionSuffix', config?.versionSuffix));
  return options as GenerateOptions;
}

/** `--context` picks contexts (keeping their settings from the file); otherwise the file's list. */
function configuredContexts(flags: GenerateFlags, config: Config | undefined): ContextOptions[] | undefined {
  const inFile = config?.contexts;
  if (flags.context !== undefined) return flags.context.map((name) => inFile?.find((context) => context.name === name) ?? { name });
  return inFile?.map((context) => ({ ...context }));
}

function sourceFromConfig(config: Config, contexts: readonly ContextOptions[] | undefined): Partial<DiscoveryFlags> {
  if (config.portal?.url !== undefined) return { url: config.portal.url };
  const files = (contexts ?? []).map((context) => context.discovery).filter((file): file is string => file !== undefined);
  return files.length > 0 ? { discovery: files } : {};
}
