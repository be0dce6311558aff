/**
 * `liferay-sdk-builder generate`: discovery → model → typemap → render → format → verify → write,
 * then a report of what was written.
 */
import type { Command } from 'commander';
import { generate, type GenerateResult } from '../../generate.js';
import { addDiscoveryOptions, toDiscoverOptions, type DiscoveryFlags } from '../options.js';
import type { Reporter } from '../report.js';
import { describeEvent, prepareRun } from '../run.js';
import { warnOnEmpty } from './discover.js';

interface GenerateFlags extends DiscoveryFlags {
  readonly out?: string;
  readonly name?: string;
  readonly verify: boolean;
  readonly templates?: string;
  readonly json?: boolean;
}

export function addGenerateCommand(program: Command, reporter: Reporter): void {
  const command = program
    .command('generate')
    .description('generate a typed TypeScript client package for the discovered services')
    .option('--out <dir>', 'output folder (default generated/<context>; several contexts: <dir>/<context>)')
    .option('--name <package>', 'npm package name (default liferay-<context>-client)')
    .option('--no-verify', 'skip type-checking the generated package before writing it')
    .option('--templates <dir>', 'templates that replace bundled ones of the same name')
    .option('--json', 'print a machine-readable summary on stdout');
  addDiscoveryOptions(command).action(async (flags: GenerateFlags) => {
    prepareRun(flags, reporter);
    const result = await generate({
      ...toDiscoverOptions(flags, process.env),
      ...(flags.out === undefined ? {} : { out: flags.out }),
      ...(flags.name === undefined ? {} : { name: flags.name }),
      ...(flags.templates === undefined ? {} : { templates: flags.templates }),
      verify: flags.verify,
      onEvent: (event) => reporter.debug(describeEvent(event)),
      onStage: (stage, milliseconds) => reporter.debug(`${stage}: ${milliseconds.toFixed(0)} ms`),
    });
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
