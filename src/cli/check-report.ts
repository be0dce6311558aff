/**
 * What `generate --check` prints: per package, whether it is up to date, the overall semver class of its
 * API change first, the files that differ, then each API change with its class (most breaking first); and
 * the same as JSON. `--fail-on` decides from the overall class whether the drift fails the run.
 */
import type { ApiChange } from '../check/api-changes.js';
import { highestClass, reaches, type ChangeClass, type SemverClass } from '../check/semver.js';
import type { PackageCheck } from '../generate.js';
import { hasDrift } from '../check/check.js';
import { count } from '../count.js';

/** The class of all the drift: the highest of every stale package's API change. */
export function driftClass(checks: readonly PackageCheck[]): SemverClass {
  return highestClass(checks.filter((check) => hasDrift(check.drift)).map((check) => check.release.semver));
}

/** Whether the drift fails the run: any drift without `--fail-on`, else drift of that class or higher. */
export function failsOn(checks: readonly PackageCheck[], failOn: ChangeClass | undefined): boolean {
  const stale = checks.some((check) => hasDrift(check.drift));
  return failOn === undefined ? stale : stale && reaches(driftClass(checks), failOn);
}

/** Sources (`--layout sources`) have no version of their own: their lines name none. */
export function describeCheck({ package: p, drift, release }: PackageCheck, sources = false): string[] {
  if (!hasDrift(drift))
    return [`${p.out}: up to date (${count(p.files, 'file')}${sources ? '' : `, version ${p.version}`})`];
  // One name a line: a list of a hundred files stays readable, and diffable in a CI log.
  const list = (label: string, items: readonly string[]) =>
    items.length === 0 ? [] : [`  ${label} (${items.length}):`, ...items.map((item) => `    ${item}`)];
  const version =
    release.previousVersion === undefined || release.previousVersion === release.version
      ? release.version
      : `${release.previousVersion} → ${release.version}`;
  return [
    `${p.out}: out of date; API change: ${release.semver}${sources ? '' : ` (version ${version})`}`,
    ...list('files added', drift.added),
    ...list('files removed', drift.removed),
    ...list('files changed', drift.changed),
    ...release.changes.map((change) => `  ${change.semver}: ${change.message}`),
  ];
}

export function checkJson(checks: readonly PackageCheck[], sources = false): object {
  const stale = checks.filter((check) => hasDrift(check.drift));
  return {
    upToDate: stale.length === 0,
    semver: driftClass(checks),
    packages: checks.map((check) => ({
      context: check.package.context,
      out: check.package.out,
      ...check.drift,
      semver: hasDrift(check.drift) ? check.release.semver : 'none',
      previousVersion: sources ? null : (check.release.previousVersion ?? null),
      version: sources ? null : check.release.version,
      changes: hasDrift(check.drift) ? check.release.changes : [],
      api: summarizeApi(hasDrift(check.drift) ? check.release.changes : []),
    })),
  };
}

/** The lists `--json` gave before changes were classified, kept for scripts that read them. */
function summarizeApi(changes: readonly ApiChange[]): object {
  const subjects = (...kinds: ApiChange['kind'][]) =>
    [...new Set(changes.filter((change) => kinds.includes(change.kind)).map((change) => change.subject))].sort();
  const methodOf = (subject: string) => /^[^(:]+/.exec(subject)?.[0] ?? subject;
  const changed = changes.filter((change) => METHOD_CHANGES.has(change.kind)).map((change) => methodOf(change.subject));
  return {
    addedServices: subjects('service-added'),
    removedServices: subjects('service-removed'),
    addedMethods: subjects('method-added'),
    removedMethods: subjects('method-removed'),
    changedMethods: [...new Set(changed)].sort(),
  };
}

const METHOD_CHANGES = new Set<ApiChange['kind']>([
  'overload-added',
  'overload-removed',
  'parameters-changed',
  'parameter-type-changed',
  'parameter-optionality-changed',
  'result-type-changed',
  'type-renamed',
]);
