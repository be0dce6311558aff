/**
 * `liferay-sdk-builder generate`: its options. What it does is in generate-action.ts, loaded only when it
 * runs, so that `--help`, `--version` and the other commands never load the pipeline.
 */
import { Option, type Command } from 'commander';
import { validVersion } from '../../check/semver.js';
import { CliError } from '../cli-error.js';
import { addDiscoveryOptions } from '../options.js';
import type { Reporter } from '../report.js';
import type { GenerateCommandFlags } from './generate-action.js';

export function addGenerateCommand(program: Command, reporter: Reporter): void {
  const command = program
    .command('generate')
    .description('generate a typed TypeScript client package for the discovered services')
    .option('--config <file>', 'configuration file (default: liferay-sdk.config.json when present)')
    .option('--out <dir>', 'output folder (default generated/<context>; several contexts: <dir>/<context>)')
    .option('--name <package>', 'npm package name (default liferay-<context>-client)')
    .addOption(new Option('--styles <list>', 'call styles to generate, comma separated').argParser(parseStyles))
    .addOption(new Option('--emit <kind>', 'ts: TypeScript sources; js: compiled ESM JavaScript plus .d.ts').choices(['ts', 'js']))
    .option('--version-suffix [suffix]', 'namespace the package by portal version (v62, v7...; default from the document)')
    .option('--no-verify', 'skip type-checking the generated package before writing it')
    .option('--templates <dir>', 'templates that replace bundled ones of the same name (formatted with prettier)')
    .option('--format', 'format every file with prettier (built-in templates already emit its shape)')
    .option('--no-cache', 'do not use the cache of rendered and formatted files (in $XDG_CACHE_HOME or ~/.cache)')
    .addOption(new Option('--package-version <version>', "version of the package (default: the committed package's, bumped by the class of the API change; 1.0.0 for a new one)").argParser(parseVersion))
    .option('--check', 'generate in memory and compare with the output folder; write nothing; exit 1 when they differ')
    .addOption(new Option('--fail-on <class>', 'with --check: exit 1 only for API changes of this class or higher (default: any difference)').choices(['major', 'minor', 'patch']))
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
  if (version === undefined) throw new CliError('cli.package-version', `--package-version takes a semantic version such as 1.4.2, got "${text}"`);
  return version;
}

function parseStyles(text: string): string[] {
  const styles = text.split(',').map((style) => style.trim());
  const wrong = styles.find((style) => style !== 'sync' && style !== 'callback');
  if (wrong !== undefined || styles.length === 0) throw new CliError('cli.styles', `--styles takes sync, callback or both, got "${text}"`);
  return [...new Set(styles)];
}
