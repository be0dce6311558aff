/**
 * What `liferay-sdk-builder generate` does: the library's `generate()` (or `check()` with --check), with the
 * user's cache folder, then a report of what was written or what differs.
 */
import type { Command } from 'commander';
import { hasDrift } from '../../check/check.js';
import type { ChangeClass } from '../../check/semver.js';
import { check, generate, type GenerateOptions, type RenderReport, type RunSummary } from '../../generate.js';
import { GenerateError } from '../../generate-options.js';
import { checkJson, describeCheck, driftClass, failsOn } from '../check-report.js';
import { CliError } from '../cli-error.js';
import { recordCommand } from '../recorded-command.js';
import { loadConfig } from '../config/config.js';
import { toGenerateOptions, type GenerateFlags, type GivenFlags } from '../config/merge.js';
import { checkTemplatesFolder } from '../config/templates-folder.js';
import { count } from '../../count.js';
import { NO_PROGRESS, createProgress, wantsProgress } from '../progress.js';
import type { Reporter } from '../report.js';
import { describeEvent, prepareRun, skipWebAssemblyTierUp, warnOnEmpty } from '../run.js';

export interface GenerateCommandFlags extends GenerateFlags {
  readonly cache: boolean;
  readonly config?: string;
  readonly json?: boolean;
  readonly check?: boolean;
  readonly failOn?: ChangeClass;
  readonly packageVersion?: string;
  readonly quiet?: boolean;
}

export async function runGenerate(
  parsed: GenerateCommandFlags,
  given: GivenFlags,
  reporter: Reporter,
  command: Command,
): Promise<void> {
  const flags = await prepareRun(parsed, reporter);
  reporter.quiet = flags.quiet === true;
  const config = loadConfig(flags.config, process.cwd());
  if (config !== undefined) reporter.debug(`configuration: ${config.path}`);
  const show =
    wantsProgress(process.stderr, process.env) && !reporter.quiet && !reporter.verbose && flags.json !== true;
  const progress = show ? await createProgress(process.stderr) : NO_PROGRESS;
  const options: GenerateOptions = {
    ...toGenerateOptions(flags, given, config?.config, process.env),
    incremental: flags.cache,
    ...(flags.packageVersion === undefined ? {} : { packageVersion: flags.packageVersion }),
    command: recordCommand(command, flags as unknown as Record<string, unknown>),
    onEvent: (event) => reporter.debug(describeEvent(event)),
    onStageStart: (stage) => progress.start(stage),
    onStage: (stage, milliseconds) => {
      progress.end(stage, milliseconds);
      reporter.debug(`${stage}: ${milliseconds.toFixed(0)} ms`);
    },
    onRender: (report) => reporter.debug(describeRender(report)),
  };
  if (options.templates !== undefined) checkTemplatesFolder(options.templates);
  if (options.url !== undefined) await skipWebAssemblyTierUp();
  if (flags.failOn !== undefined && flags.check !== true)
    throw new CliError('cli.fail-on', '--fail-on only applies to --check');
  try {
    if (flags.check === true)
      return await runCheck(
        { ...options, onStale: (reason) => reporter.debug(`checking: ${reason}`) },
        flags,
        reporter,
      );
    const outcome = await generate({ ...options, onStale: (reason) => reporter.debug(`regenerating: ${reason}`) });
    if (outcome.upToDate) reporter.debug('up to date: nothing changed since the last run, nothing written');
    warnOnEmpty(
      outcome.summary.packages.map(({ context, services }) => ({ name: context, services })),
      reporter,
    );
    const sources = options.layout === 'sources';
    if (flags.json === true) reporter.json(jsonSummary(outcome.summary, outcome.upToDate, sources));
    else for (const line of textSummary(outcome.summary, outcome.upToDate, sources)) reporter.result(line);
  } finally {
    progress.stop();
  }
}

/**
 * Up to date: the output folders are what this run would write, as the last run left them; nothing was written.
 * Sources are part of the app: they have no package name or version of their own to report.
 */
function textSummary(summary: RunSummary, upToDate: boolean, sources: boolean): string[] {
  return summary.packages.map((p) => {
    const figures = `context ${p.context}, ${count(p.services, 'service')}, ${count(p.methods, 'method')} (${count(p.actions, 'action')}), ${count(p.models, 'model')}, ${count(p.files, 'file')}`;
    if (sources)
      return upToDate
        ? `the sources in ${p.out} are up to date: ${figures}`
        : `wrote the sources to ${p.out}: ${figures}`;
    const versioned = `version ${p.version}, ${figures}`;
    return upToDate ? `${p.name} in ${p.out} is up to date: ${versioned}` : `wrote ${p.name} to ${p.out}: ${versioned}`;
  });
}

function jsonSummary(summary: RunSummary, upToDate: boolean, sources: boolean): object {
  const packages = sources ? summary.packages.map((p) => ({ ...p, version: null })) : summary.packages;
  return { upToDate, format: summary.format, portalVersion: summary.portalVersion, packages };
}

/** A handful of files is listed by name: what a change to one service should re-render. */
function describeRender({ context, rendered, reused, sections }: RenderReport): string {
  // A file shared by every service (services/index.ts) names how much of it was rendered: one section, or all.
  const name = ({ path, rendered: count, of }: RenderReport['sections'][number]): string =>
    of > 1 ? `${path} (${count} of ${of} sections)` : path;
  const names = rendered.length > 0 && rendered.length <= 10 ? `: ${sections.map(name).join(', ')}` : '';
  return `render: context ${context}: ${count(rendered.length, 'file')} rendered, ${reused} from the render cache${names}`;
}

async function runCheck(options: GenerateOptions, flags: GenerateCommandFlags, reporter: Reporter): Promise<void> {
  const { upToDate, checks } = await check(options);
  if (upToDate) reporter.debug('up to date: nothing changed since the last run');
  const sources = options.layout === 'sources';
  if (flags.json === true) reporter.json(checkJson(checks, sources));
  else for (const each of checks) for (const line of describeCheck(each, sources)) reporter.result(line);
  const stale = checks.filter((each) => hasDrift(each.drift));
  const packages = count(stale.length, 'generated package');
  if (failsOn(checks, flags.failOn)) {
    const what =
      flags.failOn === undefined ? '' : ` with ${driftClass(checks)} API changes (--fail-on ${flags.failOn})`;
    throw new GenerateError(
      'generate.drift',
      `${packages} out of date${what}: run the same command without --check to regenerate`,
    );
  }
  if (stale.length > 0)
    reporter.info(
      `${packages} out of date with ${driftClass(checks)} API changes only, below --fail-on ${flags.failOn ?? ''}: not a failure`,
    );
}
