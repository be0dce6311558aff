/**
 * `liferay-sdk-builder generate`: discovery → model → typemap → render → format → verify → write,
 * then a report of what was written.
 */
import type { Command } from 'commander';
import { BuilderError, ExitCode } from '../../errors.js';
import { checkGenerated, generate, type GenerateOptions, type GenerateResult } from '../../generate.js';
import { hasDrift } from '../../write/check.js';
import { addDiscoveryOptions, toDiscoverOptions, type DiscoveryFlags } from '../options.js';
import type { Reporter } from '../report.js';
import type { PackageCheck } from '../../generate.js';
import { describeEvent, prepareRun } from '../run.js';
import { warnOnEmpty } from './discover.js';

interface GenerateFlags extends DiscoveryFlags {
  readonly out?: string;
  readonly name?: string;
  readonly verify: boolean;
  readonly templates?: string;
  readonly json?: boolean;
  readonly check?: boolean;
}

export function addGenerateCommand(program: Command, reporter: Reporter): void {
  const command = program
    .command('generate')
    .description('generate a typed TypeScript client package for the discovered services')
    .option('--out <dir>', 'output folder (default generated/<context>; several contexts: <dir>/<context>)')
    .option('--name <package>', 'npm package name (default liferay-<context>-client)')
    .option('--no-verify', 'skip type-checking the generated package before writing it')
    .option('--templates <dir>', 'templates that replace bundled ones of the same name')
    .option('--check', 'generate in memory and compare with --out; write nothing; exit 1 when they differ')
    .option('--json', 'print a machine-readable summary on stdout');
  addDiscoveryOptions(command).action(async (flags: GenerateFlags) => {
    prepareRun(flags, reporter);
    const options: GenerateOptions = {
      ...toDiscoverOptions(flags, process.env),
      ...(flags.out === undefined ? {} : { out: flags.out }),
      ...(flags.name === undefined ? {} : { name: flags.name }),
      ...(flags.templates === undefined ? {} : { templates: flags.templates }),
      verify: flags.verify,
      onEvent: (event) => reporter.debug(describeEvent(event)),
      onStage: (stage, milliseconds) => reporter.debug(`${stage}: ${milliseconds.toFixed(0)} ms`),
    };
    if (flags.check === true) return runCheck(options, flags.json === true, reporter);
    const result = await generate(options);
    warnOnEmpty(result.api, reporter);
    if (flags.json === true) reporter.json(jsonSummary(result));
    else for (const line of textSummary(result)) reporter.result(line);
  });
}

function textSummary(result: GenerateResult): string[] {
  return result.packages.map(
    (p) => `wrote ${p.name} to ${p.out}: context ${p.context}, ${p.services} services, ${p.methods} methods (${p.actions} actions), ${p.models} models, ${p.files.length} files`,
  );
}

function jsonSummary(result: GenerateResult): object {
  return {
    format: result.api.format,
    portalVersion: result.api.portalVersion,
    packages: result.packages.map(({ files, ...rest }) => ({ ...rest, files: files.length })),
  };
}

async function runCheck(options: GenerateOptions, json: boolean, reporter: Reporter): Promise<void> {
  const { checks } = await checkGenerated(options);
  const stale = checks.filter((check) => hasDrift(check.drift));
  if (json) {
    reporter.json({ upToDate: stale.length === 0, packages: checks.map((c) => ({ context: c.package.context, out: c.package.out, ...c.drift, api: c.api })) });
  } else {
    for (const check of checks) for (const line of describeCheck(check)) reporter.result(line);
  }
  if (stale.length > 0) {
    throw new BuilderError('generate.drift', ExitCode.drift, `${stale.length} generated package(s) out of date: run the same command without --check to regenerate`);
  }
}

function describeCheck({ package: p, drift, api }: PackageCheck): string[] {
  if (!hasDrift(drift)) return [`${p.out}: up to date (${p.files.length} files)`];
  const list = (label: string, items: readonly string[]) => (items.length === 0 ? [] : [`  ${label} (${items.length}): ${items.join(', ')}`]);
  return [
    `${p.out}: out of date`,
    ...list('files added', drift.added),
    ...list('files removed', drift.removed),
    ...list('files changed', drift.changed),
    ...list('services added', api.addedServices),
    ...list('services removed', api.removedServices),
    ...list('methods added', api.addedMethods),
    ...list('methods removed', api.removedMethods),
    ...list('signatures changed', api.changedMethods),
  ];
}
