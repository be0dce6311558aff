/**
 * What `liferay-sdk-builder generate` does: the library's `generate()` (or `check()` with --check), with the
 * user's cache folder, then a report of what was written or what differs.
 */
import { hasDrift } from '../../check/check.js';
import { check, generate, type GenerateOptions, type PackageCheck, type RenderReport, type RunSummary } from '../../generate.js';
import { GenerateError } from '../../generate-options.js';
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
  readonly quiet?: boolean;
}

export async function runGenerate(parsed: GenerateCommandFlags, given: GivenFlags, reporter: Reporter): Promise<void> {
  const flags = await prepareRun(parsed, reporter);
  reporter.quiet = flags.quiet === true;
  const config = loadConfig(flags.config, process.cwd());
  if (config !== undefined) reporter.debug(`configuration: ${config.path}`);
  const show = wantsProgress(process.stderr, process.env) && !reporter.quiet && !reporter.verbose && flags.json !== true;
  const progress = show ? await createProgress(process.stderr) : NO_PROGRESS;
  const options: GenerateOptions = {
    ...toGenerateOptions(flags, given, config?.config, process.env),
    incremental: flags.cache,
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
  try {
    if (flags.check === true) return await runCheck({ ...options, onStale: (reason) => reporter.debug(`checking: ${reason}`) }, flags.json === true, reporter);
    const outcome = await generate({ ...options, onStale: (reason) => reporter.debug(`regenerating: ${reason}`) });
    if (outcome.upToDate) reporter.debug('up to date: nothing changed since the last run, nothing written');
    warnOnEmpty(outcome.summary.packages.map(({ context, services }) => ({ name: context, services })), reporter);
    if (flags.json === true) reporter.json(jsonSummary(outcome.summary, outcome.upToDate));
    else for (const line of textSummary(outcome.summary, outcome.upToDate)) reporter.result(line);
  } finally {
    progress.stop();
  }
}

/** Up to date: the output folders are what this run would write, as the last run left them; nothing was written. */
function textSummary(summary: RunSummary, upToDate: boolean): string[] {
  return summary.packages.map((p) => {
    const figures = `context ${p.context}, ${count(p.services, 'service')}, ${count(p.methods, 'method')} (${count(p.actions, 'action')}), ${count(p.models, 'model')}, ${count(p.files, 'file')}`;
    return upToDate ? `${p.name} in ${p.out} is up to date: ${figures}` : `wrote ${p.name} to ${p.out}: ${figures}`;
  });
}

function jsonSummary(summary: RunSummary, upToDate: boolean): object {
  return { upToDate, format: summary.format, portalVersion: summary.portalVersion, packages: summary.packages };
}

/** A handful of files is listed by name: what a change to one service should re-render. */
function describeRender({ context, rendered, reused, sections }: RenderReport): string {
  // A file shared by every service (services/index.ts) names how much of it was rendered: one section, or all.
  const name = ({ path, rendered: count, of }: RenderReport['sections'][number]): string => (of > 1 ? `${path} (${count} of ${of} sections)` : path);
  const names = rendered.length > 0 && rendered.length <= 10 ? `: ${sections.map(name).join(', ')}` : '';
  return `render: context ${context}: ${count(rendered.length, 'file')} rendered, ${reused} from the render cache${names}`;
}

async function runCheck(options: GenerateOptions, json: boolean, reporter: Reporter): Promise<void> {
  const { upToDate, checks } = await check(options);
  if (upToDate) reporter.debug('up to date: nothing changed since the last run');
  const stale = checks.filter((check) => hasDrift(check.drift));
  if (json) {
    reporter.json({ upToDate: stale.length === 0, packages: checks.map((c) => ({ context: c.package.context, out: c.package.out, ...c.drift, api: c.api })) });
  } else {
    for (const check of checks) for (const line of describeCheck(check)) reporter.result(line);
  }
  if (stale.length > 0) {
    throw new GenerateError('generate.drift', `${count(stale.length, 'generated package')} out of date: run the same command without --check to regenerate`);
  }
}

function describeCheck({ package: p, drift, api }: PackageCheck): string[] {
  if (!hasDrift(drift)) return [`${p.out}: up to date (${count(p.files, 'file')})`];
  // One name a line: a list of a hundred files stays readable, and diffable in a CI log.
  const list = (label: string, items: readonly string[]) => (items.length === 0 ? [] : [`  ${label} (${items.length}):`, ...items.map((item) => `    ${item}`)]);
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
