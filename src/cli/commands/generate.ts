/**
 * `liferay-sdk-builder generate`: its options. What it does is in generate-action.ts, loaded only when it
 * runs, so that `--help`, `--version` and the other commands never load the pipeline.
 */
import { Option, type Command } from 'commander';
import { validVersion } from '../../check/semver.js';
import { CliError } from '../cli-error.js';
import { addDiscoveryOptions } from '../options.js';
import type { Style } from '../../generate-options.js';
import type { Reporter } from '../report.js';
import type { GenerateCommandFlags } from './generate-action.js';

export function addGenerateCommand(program: Command, reporter: Reporter): void {
  const command = program
    .command('generate')
    .description('generate a typed TypeScript client package for the discovered services')
    .option('--config <file>', 'configuration file (default: liferay-sdk.config.json when present)')
    .option('--out <dir>', 'output folder (default generated/<context>; several contexts: <dir>/<context>)')
    .option('--name <package>', 'npm package name (default liferay-<context>-client)')
    .addOption(
      new Option(
        '--styles <list>',
        'call styles to generate: sync, callback, or both (comma separated or "both"; default: both)',
      ).argParser(parseStyles),
    )
    .addOption(
      new Option(
        '--emit <kind>',
        'ts: TypeScript sources; js: compiled ESM JavaScript plus .d.ts (default: ts)',
      ).choices(['ts', 'js']),
    )
    .addOption(
      new Option(
        '--layout <layout>',
        'package: an npm package (package.json, tsconfig.json, README.md, src/); sources: only the TypeScript sources, for an app that compiles them itself (default: package)',
      ).choices(['package', 'sources']),
    )
    .option(
      '--version-suffix [suffix]',
      'namespace the package by portal version (v62, v7...; default from the document)',
    )
    .option('--no-verify', 'skip type-checking the generated package before writing it')
    .option('--templates <dir>', 'templates that replace bundled ones of the same name (formatted with prettier)')
    .option('--format', 'format every file with prettier (built-in templates already emit its shape)')
    .option(
      '--no-cache',
      'run every stage even when nothing changed since the last run, and render (and format, where prettier runs) every file anew (the caches are in $XDG_CACHE_HOME or ~/.cache, under liferay-sdk-builder/)',
    )
    .addOption(
      new Option(
        '--package-version <version>',
        "version of the package (default: the committed package's, bumped by the class of the API change; 1.0.0 for a new one)",
      ).argParser(parseVersion),
    )
    .option('--check', 'generate in memory and compare with the output folder; write nothing; exit 1 when they differ')
    .addOption(
      new Option(
        '--fail-on <class>',
        'with --check: exit 1 only for API changes of this class or higher (default: any difference)',
      ).choices(['major', 'minor', 'patch']),
    )
    .option('--json', 'print a machine-readable summary on stdout')
    .option('--quiet', 'print nothing but errors');
  addDiscoveryOptions(command).action(async (flags: GenerateCommandFlags) => {
    const given = new Set(Object.keys(flags).filter((key) => command.getOptionValueSource(key) === 'cli'));
    const { runGenerate } = await import('./generate-action.js');
    await runGenerate(flags, given, reporter, command);
  });
}

function parseVersion(text: string): string {
  const version = validVersion(text);
  if (version === undefined)
    throw new CliError(
      'cli.package-version',
      `--package-version takes a semantic version such as 1.4.2, got "${text}"`,
    );
  return version;
}

/** `sync`, `callback`, `sync,callback` or `both`. */
export function parseStyles(text: string): Style[] {
  const styles = text.split(',').flatMap((style) => (style.trim() === 'both' ? ['sync', 'callback'] : [style.trim()]));
  if (!styles.every((style): style is Style => style === 'sync' || style === 'callback')) {
    throw new CliError('cli.styles', `--styles takes sync, callback or both (or sync,callback), got "${text}"`);
  }
  return [...new Set(styles)];
}
